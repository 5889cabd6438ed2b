package org.polylogue.accreditation;

/**
 * An organisation as the log shows it.
 *
 * @param ecosocStatus the label of its ECOSOC consultative status, or null when unknown
 */
public record OrganizationSummary(String id, String name, String stakeholderGroup, String country, String countryName,
        boolean verified, String ecosocStatus) {}

package org.polylogue.stakeholder;

/**
 * What a domain confirmation link would do, shown before anyone confirms it.
 *
 * @param confirmed whether the link was already used and the verification it made still stands
 */
public record DomainClaimPreview(OrganizationView organization, String domain, boolean confirmed) {}

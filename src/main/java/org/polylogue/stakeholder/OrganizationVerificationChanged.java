package org.polylogue.stakeholder;

/** Published (inside the changing transaction) when an organisation becomes verified or stops being so. */
public record OrganizationVerificationChanged(String organizationId) {}

package org.polylogue.stakeholder;

/** Published when an organisation is created. */
public record OrganizationCreated(String organizationId, String createdBy) {}

package org.polylogue.stakeholder;

import java.time.Instant;

/** An organisation as pages and the API show it. */
public record OrganizationView(String id, String name, StakeholderGroup type, String country, String countryName,
        RegionalGroup regionalGroup, Instant createdAt) {}

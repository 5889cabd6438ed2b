package org.polylogue.stakeholder;

import java.time.Instant;

/** A domain claim whose confirmation link was mailed: to an address at {@code domain}, valid until {@code expiresAt}. */
public record DomainClaimSent(String organizationId, String domain, Instant expiresAt) {}

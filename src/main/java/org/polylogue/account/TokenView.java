package org.polylogue.account;

import java.time.Instant;

/**
 * A personal API token as its owner sees it; never the secret, which is shown once at creation.
 *
 * @param lastUsedAt null when never used; recorded at most once a minute
 * @param revokedAt null unless revoked
 * @param state {@code active}, {@code expired} or {@code revoked}
 */
public record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt, String state) {}

package org.polylogue.account;

import java.time.Instant;

/** A token just created: the only time its secret {@code token} is ever shown. */
public record IssuedToken(String id, String name, Instant createdAt, Instant expiresAt, String token) {}

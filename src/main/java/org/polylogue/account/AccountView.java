package org.polylogue.account;

import java.time.Instant;

/** A person's account as other modules and the API see it; never carries the password hash. */
public record AccountView(String id, String email, String displayName, boolean administrator, boolean emailVerified,
        Instant createdAt) {}

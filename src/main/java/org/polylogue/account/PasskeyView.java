package org.polylogue.account;

import java.time.Instant;

/**
 * One of a person's passkeys.
 *
 * @param id the credential id (base64url), public by nature: the browser sends it at every sign-in
 * @param lastUsedAt when it last signed the person in (at registration, when it was added)
 */
public record PasskeyView(String id, String label, Instant createdAt, Instant lastUsedAt) {}

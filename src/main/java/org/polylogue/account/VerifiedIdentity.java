package org.polylogue.account;

/**
 * Who stands behind a pseudonym, as the secretariat of a process may see it (never the public).
 *
 * @param emailVerified whether the person confirmed their email address
 */
public record VerifiedIdentity(String pseudonym, String displayName, boolean emailVerified) {}

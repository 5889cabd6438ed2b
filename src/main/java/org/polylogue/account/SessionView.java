package org.polylogue.account;

import java.time.Instant;

/**
 * One of a person's signed-in sessions as they see it.
 *
 * @param handle an opaque name for the session (a hash, never the session id itself)
 * @param signedInAt when the person signed in
 * @param lastActiveAt the last request in it
 * @param device a coarse description such as "Chrome on Linux"
 * @param current whether it is the session of the request that asked
 */
public record SessionView(String handle, Instant signedInAt, Instant lastActiveAt, String device, boolean current) {}

package org.polylogue.process;

import java.time.Instant;

/**
 * A person holding a role in a process, as the public list shows them.
 *
 * @param name the person's public name
 * @param appointedAt when they were appointed
 */
public record RoleHolder(ProcessRole role, String accountId, String name, Instant appointedAt) {}

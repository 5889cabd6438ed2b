package org.polylogue.position;

import java.time.Instant;

/** A named proposal of a process that actors take stances on, e.g. "programme of action". */
public record Proposal(String id, String processId, String name, String description, Instant createdAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
}

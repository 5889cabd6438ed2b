package org.polylogue.process;

import java.time.Instant;

/** A process (a working group, a national consultation, ...). */
public record ProcessView(String id, String slug, String title, String summary, Instant createdAt) {}

package org.polylogue.process;

import java.time.OffsetDateTime;

/** A new window; a missing bound keeps its value. */
public record ChangeWindow(OffsetDateTime opensAt, OffsetDateTime closesAt) {}

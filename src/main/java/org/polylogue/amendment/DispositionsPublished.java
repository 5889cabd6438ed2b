package org.polylogue.amendment;

/** The secretariat published the draft dispositions of a consultation; {@code count} became public. */
public record DispositionsPublished(String consultationId, int count) {}

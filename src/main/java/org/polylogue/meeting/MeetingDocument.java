package org.polylogue.meeting;

import java.time.Instant;

/** A link to one of the meeting's documents. */
public record MeetingDocument(String id, String title, String url, Instant addedAt) {}

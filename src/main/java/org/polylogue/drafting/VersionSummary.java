package org.polylogue.drafting;

import java.time.Instant;

/** A version in a list: its number, status, when uploaded and published, how many paragraphs. */
public record VersionSummary(int number, VersionStatus status, String format, Instant createdAt, Instant publishedAt,
        int paragraphCount) {}

package org.polylogue.moderation;

import java.time.Instant;

/** A report as its reporter gets it back; reports are never shown publicly. */
public record ReportView(String id, String kind, String itemId, String reason, Instant createdAt) {}

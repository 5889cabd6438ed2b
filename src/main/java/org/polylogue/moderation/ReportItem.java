package org.polylogue.moderation;

/** Body of {@code POST /api/v1/reports}: which item ({@code kind}, {@code id}) and why (1–1,000 characters). */
public record ReportItem(String kind, String id, String reason) {

    public static final int MAX_REASON = 1000;
}

package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST /api/v1/reports}: which item ({@code kind}, {@code id}) and why (1–1,000 characters). */
@Schema(example = "{\"kind\": \"comment\", \"id\": \"czqc79m4za4wpv63\", \"reason\": \"Insults another participant.\"}")
public record ReportItem(String kind, String id, String reason) {

    public static final int MAX_REASON = 1000;
}

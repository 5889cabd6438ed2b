package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST /api/v1/moderation/{kind}/{id}/dismiss}: why the reports and flags are closed (public). */
@Schema(example = "{\"reason\": \"Within the rules: criticism of the draft, not of people.\"}")
public record DismissReports(String reason) {}

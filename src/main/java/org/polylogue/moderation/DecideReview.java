package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST /api/v1/moderation/{kind}/{id}/review}: {@code KEEP} or {@code RESTORE}, and the public reason. */
@Schema(example = "{\"decision\": \"RESTORE\", \"reason\": \"On a second look the comment is within the rules.\"}")
public record DecideReview(String decision, String reason) {}

package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST /api/v1/moderation/{kind}/{id}/hide}: a current rule and the public reason (1–1,000). */
@Schema(example = "{\"ruleId\": \"p0gd8g2jrxne578m\", \"reason\": \"Insults another participant.\"}")
public record HideItem(String ruleId, String reason) {}

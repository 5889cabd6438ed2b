package org.polylogue.moderation;

/** Body of {@code POST /api/v1/moderation/{kind}/{id}/hide}: a current rule and the public reason (1–1,000). */
public record HideItem(String ruleId, String reason) {}

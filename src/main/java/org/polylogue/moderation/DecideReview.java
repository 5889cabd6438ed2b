package org.polylogue.moderation;

/** Body of {@code POST /api/v1/moderation/{kind}/{id}/review}: {@code KEEP} or {@code RESTORE}, and the public reason. */
public record DecideReview(String decision, String reason) {}

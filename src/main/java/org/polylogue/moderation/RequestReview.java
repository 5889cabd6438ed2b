package org.polylogue.moderation;

/** Body of {@code POST /api/v1/moderation/{kind}/{id}/review-request}: the author's statement (1–2,000). */
public record RequestReview(String statement) {

    public static final int MAX_STATEMENT = 2000;
}

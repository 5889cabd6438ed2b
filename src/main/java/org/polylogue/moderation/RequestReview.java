package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST /api/v1/moderation/{kind}/{id}/review-request}: the author's statement (1–2,000). */
@Schema(example = "{\"statement\": \"My comment criticised the draft, not a person.\"}")
public record RequestReview(String statement) {

    public static final int MAX_STATEMENT = 2000;
}

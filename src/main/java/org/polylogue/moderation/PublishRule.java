package org.polylogue.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
/** Body of {@code POST .../moderation-rules}: a rule's title (1–200 characters) and description (1–4,000). */
@Schema(example = "{\"title\": \"Be civil\", \"description\": \"No insults against people.\"}")
public record PublishRule(String title, String description) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
}

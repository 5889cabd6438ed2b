package org.polylogue.moderation;

import java.util.List;
import org.polylogue.shared.Refusal;

/** The checks and refusals every moderation use case shares. */
final class ModerationChecks {

    private ModerationChecks() {}

    static Refusal itemNotFound() {
        return Refusal.notFound("item-not-found", "There is no such item to moderate.");
    }

    static Refusal notModerator(ModerationScope scope) {
        return Refusal.forbidden("not-moderator", scope != null && scope.platform()
                ? "Only platform administrators moderate content outside any process."
                : "Only the moderators of this item's process can do this.");
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    static void length(List<Refusal.FieldMessage> errors, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.add(new Refusal.FieldMessage(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new Refusal.FieldMessage(field, "is " + value.length() + " characters long; the limit is " + max));
        }
    }
}

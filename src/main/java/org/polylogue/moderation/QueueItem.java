package org.polylogue.moderation;

import java.time.Instant;
import java.util.List;

/**
 * An item waiting for moderators: its open reports (reasons only, never who reported), the spam
 * guard's flags, and the author's review request when it is hidden and they asked for one.
 */
public record QueueItem(ModeratedItem item, int reportCount, List<String> reasons, List<String> flags,
        HiddenNotice hidden, Review review, Instant since) {

    /** A review the author asked for; {@code hiddenBy} is the public name of the moderator who hid it. */
    public record Review(String statement, Instant requestedAt, String hiddenBy) {}
}

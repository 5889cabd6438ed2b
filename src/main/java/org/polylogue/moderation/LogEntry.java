package org.polylogue.moderation;

import java.time.Instant;

/**
 * One entry of the public moderation log. Reporters never appear in it.
 *
 * @param moderator the public name of the moderator who acted; null when the author asked for a review
 * @param ruleNumber the rule of the hiding the entry is about; null for dismissals
 * @param path where the item is shown (with the notice while it is hidden)
 */
public record LogEntry(String id, ModerationAction action, String kind, String itemId, String itemTitle, String path,
        Integer ruleNumber, String ruleTitle, String reason, String moderator, Instant at) {}

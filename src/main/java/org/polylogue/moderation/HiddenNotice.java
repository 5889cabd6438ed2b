package org.polylogue.moderation;

import java.time.Instant;

/** Shown instead of hidden content: which published rule, the moderator's public reason, and when. */
public record HiddenNotice(String ruleTitle, String reason, Instant hiddenAt) {}

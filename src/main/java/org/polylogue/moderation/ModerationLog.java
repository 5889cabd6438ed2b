package org.polylogue.moderation;

import java.util.List;

/** One page of a moderation log, newest first, with the rules it was published under. */
public record ModerationLog(ModerationScope scope, List<ModerationRule> rules, List<LogEntry> items, int page,
        int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}

package org.polylogue.moderation;

import java.time.Instant;

/**
 * A published rule of a process (or of the platform, {@code processId} null), numbered in order of
 * publication. A retired rule no longer serves for new hidings but stays listed with its date.
 */
public record ModerationRule(String id, String processId, int number, String title, String description,
        Instant publishedAt, Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}

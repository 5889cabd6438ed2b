package org.polylogue.process;

import java.time.Instant;

/** Where a consultation stands against its window: before, during or after. */
public enum ConsultationStatus {
    UPCOMING,
    OPEN,
    CLOSED;

    /** Open from {@code opensAt} inclusive to {@code closesAt} exclusive. */
    public static ConsultationStatus of(Instant opensAt, Instant closesAt, Instant now) {
        if (now.isBefore(opensAt)) {
            return UPCOMING;
        }
        return now.isBefore(closesAt) ? OPEN : CLOSED;
    }

    public String label() {
        return switch (this) {
            case UPCOMING -> "Upcoming";
            case OPEN -> "Open for comments";
            case CLOSED -> "Closed";
        };
    }
}

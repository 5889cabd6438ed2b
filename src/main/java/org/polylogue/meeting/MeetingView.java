package org.polylogue.meeting;

import java.time.Instant;

/**
 * A meeting as everyone may see it.
 *
 * @param processId the process it belongs to, or null for a meeting standing alone
 * @param timeZone the IANA time zone the meeting is held in (times are shown in it)
 * @param capacity the number of places, or null for no limit
 * @param cancelledAt when the secretariat cancelled it, or null
 * @param updatedAt when it was scheduled or last changed
 * @param sequence how many times it was changed (the calendar's SEQUENCE)
 */
public record MeetingView(String id, String slug, String processId, String title, MeetingKind kind, Instant startsAt,
        Instant endsAt, String timeZone, String place, String onlineUrl, Integer capacity, String agenda,
        String createdBy, Instant createdAt, Instant cancelledAt, Instant updatedAt, int sequence) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Whether the meeting has started at {@code now}. */
    public boolean startedAt(Instant now) {
        return !now.isBefore(startsAt);
    }

    /** Whether the meeting is over at {@code now}. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endsAt);
    }
}

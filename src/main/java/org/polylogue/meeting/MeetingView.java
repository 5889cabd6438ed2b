package org.polylogue.meeting;

import java.time.Instant;

/**
 * A meeting as everyone may see it.
 *
 * @param processId the process it belongs to, or null for a meeting standing alone
 * @param timeZone the IANA time zone the meeting is held in (times are shown in it)
 * @param capacity the number of places, or null for no limit
 */
public record MeetingView(String id, String slug, String processId, String title, MeetingKind kind, Instant startsAt,
        Instant endsAt, String timeZone, String place, String onlineUrl, Integer capacity, String agenda,
        String createdBy, Instant createdAt) {}

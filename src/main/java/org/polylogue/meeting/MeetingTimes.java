package org.polylogue.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A meeting's times as people read them: in the meeting's time zone, and in UTC. */
public final class MeetingTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private MeetingTimes() {}

    /** E.g. "Thu 3 Dec 2026, 10:00–12:00 (Europe/Zurich)"; an end on another day is written in full. */
    public static String local(MeetingView meeting) {
        return range(meeting.startsAt(), meeting.endsAt(), zone(meeting.timeZone())) + " (" + meeting.timeZone() + ")";
    }

    /** The same in UTC, e.g. "Thu 3 Dec 2026, 09:00–11:00 UTC". */
    public static String utc(MeetingView meeting) {
        return range(meeting.startsAt(), meeting.endsAt(), ZoneOffset.UTC) + " UTC";
    }

    /** The value of a {@code datetime-local} input in the meeting's zone. */
    public static String input(Instant instant, String zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone(zone)));
    }

    private static String range(Instant start, Instant end, ZoneId zone) {
        var from = start.atZone(zone);
        var to = end.atZone(zone);
        String until = from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : LOCAL.format(to);
        return LOCAL.format(from) + "–" + until;
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}

package org.polylogue.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.polylogue.meeting.internal.MeetingMarkdown;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.process.Processes;
import org.springframework.stereotype.Service;

/**
 * iCalendar (RFC 5545) for meetings, built with ical4j: one meeting, a process's meetings, or all.
 * Each VEVENT has a UID stable per meeting, times in the meeting's time zone with its VTIMEZONE
 * (UTC when ical4j has no definition for the zone), and STATUS:CANCELLED once cancelled. Feeds
 * hold meetings that ended at most a year ago.
 */
@Service
public class MeetingCalendars {

    public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final MeetingRepository repository;
    private final Processes processes;
    private final Clock clock;
    private final Meetings meetings;

    MeetingCalendars(MeetingRepository repository, Processes processes, Clock clock, Meetings meetings) {
        this.repository = repository;
        this.processes = processes;
        this.clock = clock;
        this.meetings = meetings;
    }

    /** One meeting as a calendar. */
    public String calendar(MeetingView meeting) {
        return write(List.of(meeting), meeting.title());
    }

    /** The meetings of a process, or empty for an unknown process. */
    public Optional<String> processFeed(String processSlug) {
        return processes.find(processSlug).map(process -> write(
                repository.forCalendar(process.id(), Instant.now(clock).minus(Duration.ofDays(365))),
                "Meetings: " + process.title()));
    }

    /** Every meeting on the platform. */
    public String feed() {
        return write(repository.forCalendar(null, Instant.now(clock).minus(Duration.ofDays(365))), "Polylogue meetings");
    }

    private String write(List<MeetingView> meetings, String name) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Polylogue//Meetings//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Map<String, TimeZone> zones = new LinkedHashMap<>();
        for (var meeting : meetings) {
            var zone = zone(meeting.timeZone());
            if (zone != null && !zones.containsKey(meeting.timeZone())) {
                zones.put(meeting.timeZone(), zone);
                calendar.add(zone.getVTimeZone());
            }
        }
        for (var meeting : meetings) {
            calendar.add(event(meeting, zones.get(meeting.timeZone())));
        }
        return calendar.toString();
    }

    private VEvent event(MeetingView meeting, TimeZone zone) {
        Temporal start;
        Temporal end;
        if (zone == null) {
            // an Instant is written as UTC ("...Z"); a ZonedDateTime in UTC would get an invalid TZID=Z
            start = meeting.startsAt();
            end = meeting.endsAt();
        } else {
            ZoneId id = zone.toZoneId();
            start = ZonedDateTime.ofInstant(meeting.startsAt(), id);
            end = ZonedDateTime.ofInstant(meeting.endsAt(), id);
        }
        String publicUrl = meetings.publicUrl();
        String host = URI.create(publicUrl).getHost();
        var event = new VEvent(start, end, meeting.title());
        event.replace(new DtStamp(meeting.updatedAt()));
        event.add(new Uid("meeting-" + meeting.id() + "@" + (host == null ? "polylogue" : host)));
        event.add(new LastModified(meeting.updatedAt()));
        event.add(new Sequence(meeting.sequence()));
        String url = publicUrl + "/meetings/" + meeting.slug();
        event.add(new Url(URI.create(url)));
        var description = new StringBuilder(meeting.kind().label()).append(".");
        String agenda = MeetingMarkdown.toPlainText(meeting.agenda());
        if (!agenda.isEmpty()) {
            description.append("\n\n").append(agenda);
        }
        if (meeting.onlineUrl() != null) {
            description.append("\n\nOnline: ").append(meeting.onlineUrl());
        }
        description.append("\n\n").append(url);
        event.add(new Description(description.toString()));
        String location = meeting.place() != null ? meeting.place() : meeting.onlineUrl();
        if (location != null) {
            event.add(new Location(location));
        }
        event.add(new Status(meeting.cancelled() ? "CANCELLED" : "CONFIRMED"));
        return event;
    }

    private static TimeZone zone(String id) {
        if (id == null || id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Z")) {
            return null;
        }
        try {
            return ZONES.getTimeZone(id);
        } catch (RuntimeException e) {
            // ical4j has no definition for some zones Java knows (old aliases): times go out in UTC
            return null;
        }
    }
}

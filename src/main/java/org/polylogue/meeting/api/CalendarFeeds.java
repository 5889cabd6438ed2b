package org.polylogue.meeting.api;

import io.swagger.v3.oas.annotations.Operation;
import org.polylogue.meeting.MeetingCalendars;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.PublicEndpoint;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Calendar subscriptions: every meeting, or a process's meetings (ended at most a year ago, and upcoming). */
@RestController
class CalendarFeeds {

    private final MeetingCalendars calendars;

    CalendarFeeds(MeetingCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping(value = "/feeds/meetings.ics")
    @PublicEndpoint("the calendar of public meetings")
    @Operation(summary = "Calendar feed of all meetings")
    ResponseEntity<String> all() {
        return ics(calendars.feed());
    }

    @GetMapping(value = "/feeds/processes/{slug}/meetings.ics")
    @PublicEndpoint("the calendar of a process's public meetings")
    @Operation(summary = "Calendar feed of a process's meetings")
    ResponseEntity<String> process(@PathVariable String slug) {
        return ics(calendars.processFeed(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no such process."))));
    }

    private static ResponseEntity<String> ics(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MeetingCalendars.MEDIA_TYPE)).body(body);
    }
}

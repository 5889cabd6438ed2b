package org.polylogue.meeting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.polylogue.meeting.AddDocument;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.EditMeeting;
import org.polylogue.meeting.MeetingCalendars;
import org.polylogue.meeting.MeetingDetails;
import org.polylogue.meeting.MeetingDocument;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Meetings", description = "Meetings of a process or standing alone: scheduling, registration with a waiting list, speakers lists, documents and calendars")
@RestController
class MeetingApi {

    static final String BASE = "/api/v1/meetings";
    static final String PUBLIC = "meetings, their participants (hidden names withheld), speakers lists and calendars are public";

    private final Meetings meetings;
    private final MeetingCalendars calendars;

    MeetingApi(Meetings meetings, MeetingCalendars calendars) {
        this.meetings = meetings;
        this.calendars = calendars;
    }

    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "meetingCreate", summary = "Schedule a meeting", description = "For a process (processSlug) by its secretariat, or "
            + "standing alone by an administrator; 201 with the meeting. 403 not-secretariat or not-administrator for "
            + "anyone else, 400 with field errors for invalid fields (an unknown processSlug too), 409 duplicate-slug. kind: FORMAL_SESSION, INFORMAL_CONSULTATION, ROUNDTABLE, PANEL, "
            + "WEBINAR; timeZone an IANA zone such as Europe/Zurich; capacity absent for no limit; agenda in Markdown.")
    ResponseEntity<MeetingDetails> create(@Valid @RequestBody CreateMeeting request, Actor actor) {
        var created = meetings.create(request, actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + created.slug())).body(meetings.details(created));
    }

    @GetMapping(BASE)
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "meetingList", summary = "List meetings", description = "when=upcoming (not over yet, soonest first; the default) or "
            + "past (latest first); process=slug to keep one process's meetings. Paged.")
    Paged<MeetingView> list(@RequestParam(defaultValue = "upcoming") String when,
            @RequestParam(defaultValue = "") String process, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!when.equals("upcoming") && !when.equals("past")) {
            throw new RefusedException(Refusal.invalid("when", "must be upcoming or past"));
        }
        return meetings.list(when.equals("upcoming"), process, Paging.of(page, size));
    }

    @GetMapping(BASE + "/{slug}")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "meetingMeeting", summary = "A meeting", description = "With its process, documents, registered and waiting counts, "
            + "places left and the links to its page and calendar.")
    MeetingDetails meeting(@PathVariable String slug) {
        return meetings.details(slug).orElseThrow(MeetingApi::notFound);
    }

    @GetMapping(value = BASE + "/{slug}.ics")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "meetingCalendar", summary = "A meeting as iCalendar", description = "One VEVENT with a stable UID, the meeting's "
            + "VTIMEZONE, and STATUS:CANCELLED once cancelled. Public; 404 meeting-not-found.")
    ResponseEntity<String> calendar(@PathVariable String slug) {
        var meeting = meetings.find(slug).orElseThrow(MeetingApi::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MeetingCalendars.MEDIA_TYPE))
                .body(calendars.calendar(meeting));
    }

    @PatchMapping(BASE + "/{slug}")
    @RequiresSignIn
    @Operation(operationId = "meetingEdit", summary = "Change a meeting", description = "Secretariat of the process (or administrator). Absent "
            + "fields stay; a blank place, onlineUrl or agenda clears it; capacity 0 removes the limit. A larger "
            + "capacity promotes people from the waiting list. 409 meeting-cancelled once cancelled.")
    MeetingDetails edit(@PathVariable String slug, @Valid @RequestBody EditMeeting request, Actor actor) {
        return meetings.details(meetings.edit(slug, request, actor).orThrow());
    }

    @PostMapping(BASE + "/{slug}/cancellation")
    @RequiresSignIn
    @Operation(operationId = "meetingCancel", summary = "Cancel a meeting", description = "Secretariat of the process (or administrator). Calendars "
            + "then show STATUS:CANCELLED. 409 meeting-cancelled when already cancelled.")
    MeetingDetails cancel(@PathVariable String slug, Actor actor) {
        return meetings.details(meetings.cancel(slug, actor).orThrow());
    }

    @PostMapping(BASE + "/{slug}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "meetingAddDocument", summary = "Link a document to a meeting", description = "{title, url}: an http or https link. "
            + "Secretariat of the process (or administrator).")
    ResponseEntity<MeetingDocument> addDocument(@PathVariable String slug, @RequestBody AddDocument request,
            Actor actor) {
        var document = meetings.addDocument(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + slug)).body(document);
    }

    static RefusedException notFound() {
        return new RefusedException(Refusal.notFound("meeting-not-found", "There is no such meeting."));
    }
}

package org.polylogue.meeting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.polylogue.meeting.MeetingRegistrations;
import org.polylogue.meeting.Meetings;
import org.polylogue.meeting.Participants;
import org.polylogue.meeting.Register;
import org.polylogue.meeting.Registration;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Meetings")
@RestController
class RegistrationApi {

    private static final String PATH = MeetingApi.BASE + "/{slug}/registrations";

    private final Meetings meetings;
    private final MeetingRegistrations registrations;

    RegistrationApi(Meetings meetings, MeetingRegistrations registrations) {
        this.meetings = meetings;
        this.registrations = registrations;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "meetingRegister", summary = "Register for a meeting", description = "{organizationId?, hideName?}: for an organisation "
            + "you represent, or yourself. status REGISTERED while places are free, else WAITING (with "
            + "waitingPosition). A confirmation mail carries the meeting as an .ics file. 409 already-registered, "
            + "meeting-started, meeting-cancelled; 403 email-not-confirmed, not-representative.")
    ResponseEntity<Registration> register(@PathVariable String slug, @RequestBody(required = false) Register request,
            Actor actor) {
        var registration = registrations.register(slug, request == null ? new Register(null, false) : request, actor)
                .orThrow();
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + slug + "/registrations")).body(registration);
    }

    @DeleteMapping(PATH)
    @RequiresSignIn
    @Operation(operationId = "meetingUnregister", summary = "Cancel your registration", description = "Frees your place (or leaves the waiting list); "
            + "the first person waiting is promoted and mailed. 404 not-registered; 409 meeting-started.")
    Registration cancel(@PathVariable String slug, Actor actor) {
        return registrations.cancel(slug, actor).orThrow();
    }

    @GetMapping(PATH)
    @PublicEndpoint(MeetingApi.PUBLIC)
    @Operation(operationId = "meetingParticipants", summary = "Participants by stakeholder group", description = "Registered participants (names hidden "
            + "by choice are null), grouped by the stakeholder group of their organisation (INDIVIDUAL without one), "
            + "with the registered and waiting counts.")
    Participants participants(@PathVariable String slug) {
        return registrations.participants(meetings.find(slug).orElseThrow(MeetingApi::notFound));
    }
}

package org.polylogue.meeting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.polylogue.meeting.Meetings;
import org.polylogue.meeting.RequestFloor;
import org.polylogue.meeting.SpeakerRequest;
import org.polylogue.meeting.SpeakersList;
import org.polylogue.meeting.SpeakersLists;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Meetings")
@RestController
class SpeakersApi {

    private static final String PATH = MeetingApi.BASE + "/{slug}/speakers";

    private final Meetings meetings;
    private final SpeakersLists speakers;

    SpeakersApi(Meetings meetings, SpeakersLists speakers) {
        this.meetings = meetings;
        this.speakers = speakers;
    }

    @Schema(example = "{\"position\": 1}")
    record Position(Integer position) {}

    @GetMapping(PATH)
    @PublicEndpoint(MeetingApi.PUBLIC)
    @Operation(operationId = "speakersList", summary = "The speakers list", description = "waiting (in order), spoke (in order of speaking) and "
            + "per stakeholder group the counts of requests and speeches.")
    SpeakersList list(@PathVariable String slug) {
        return speakers.list(meetings.find(slug).orElseThrow(MeetingApi::notFound));
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "speakersRequest", summary = "Ask for the floor", description = "{organizationId?}: registered participants with a "
            + "confirmed place, for an organisation they represent or themselves; one open request at a time. 403 "
            + "not-registered; 409 already-requested, meeting-ended, meeting-cancelled.")
    ResponseEntity<SpeakerRequest> request(@PathVariable String slug,
            @RequestBody(required = false) RequestFloor request, Actor actor) {
        var created = speakers.request(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create(PATH.replace("{slug}", slug))).body(created);
    }

    @PutMapping(PATH + "/{id}/position")
    @RequiresSignIn
    @Operation(operationId = "speakersMove", summary = "Move a request on the list", description = "{position}: 1 speaks next. The chair "
            + "(secretariat of the process, or administrator) only.")
    SpeakersList move(@PathVariable String slug, @PathVariable String id, @RequestBody Position position,
            Actor actor) {
        if (position == null || position.position() == null) {
            throw new RefusedException(Refusal.invalid("position", "is required"));
        }
        return speakers.move(slug, id, position.position(), actor).orThrow();
    }

    @PostMapping(PATH + "/{id}/spoke")
    @RequiresSignIn
    @Operation(operationId = "speakersSpoke", summary = "Mark that a speaker had the floor", description = "The chair only; 409 already-spoke.")
    SpeakersList spoke(@PathVariable String slug, @PathVariable String id, Actor actor) {
        return speakers.markSpoke(slug, id, actor).orThrow();
    }

    @DeleteMapping(PATH + "/{id}")
    @RequiresSignIn
    @Operation(operationId = "speakersRemove", summary = "Remove a request", description = "The chair any request; a participant their own while "
            + "waiting.")
    SpeakersList remove(@PathVariable String slug, @PathVariable String id, Actor actor) {
        return speakers.remove(slug, id, actor).orThrow();
    }
}

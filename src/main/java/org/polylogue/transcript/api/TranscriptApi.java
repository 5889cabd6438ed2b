package org.polylogue.transcript.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.polylogue.transcript.AudienceQuestion;
import org.polylogue.transcript.ImportReport;
import org.polylogue.transcript.LinkSpeaker;
import org.polylogue.transcript.SpeakerEntry;
import org.polylogue.transcript.SpeakerLink;
import org.polylogue.transcript.TranscriptView;
import org.polylogue.transcript.Transcripts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Transcripts", description = "Meeting transcripts imported from real-time captioning, by turn, with speakers linked to people and organisations and the audience questions read out")
@RestController
class TranscriptApi {

    private static final String BASE = "/api/v1/meetings/{slug}";
    private static final String PUBLIC = "transcripts of meetings are public, like the meetings";

    private final Transcripts transcripts;

    TranscriptApi(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    record TurnJson(int number, String speaker, String introducedAs, String accountId, String personName,
            String organizationId, String text, int words, String anchor) {}

    record TranscriptJson(String meeting, String title, String status, String preamble, Instant importedAt,
            List<TurnJson> turns) {}

    @PostMapping(BASE + "/transcript")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "transcriptImport", summary = "Import a meeting's transcript",
            description = "The body is the transcript as text (text/plain; UTF-8, UTF-16 with a byte order mark or "
                    + "Windows-1252) in the real-time captioning format: a title line, a disclaimer, then turns "
                    + "starting with `>> SPEAKER NAME:` or `>>` alone. Replaces an earlier transcript of the "
                    + "meeting; confirmed speaker links stay. All or nothing: 422 `transcript-unreadable` with "
                    + "`errors: [{field: \"line 12\", message}]`, 413 `transcript-too-large`, 403 `not-secretariat`.")
    ResponseEntity<ImportReport> importTranscript(@PathVariable String slug, HttpServletRequest request, Actor actor)
            throws IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                transcripts.maxBytes() + 1));
        var report = transcripts.importText(slug, body, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + slug + "/transcript")).body(report);
    }

    @GetMapping(BASE + "/transcript")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "transcriptTranscript", summary = "A meeting's transcript by turn",
            description = "`status` is `unofficial captioning` when the text said it is not an authoritative record. "
                    + "Each turn: number, speaker label (null when unknown), the linked person and organisation, "
                    + "the normalised text and word count, and its anchor on the transcript page. Public; 404 "
                    + "transcript-not-found when the meeting has none.")
    TranscriptJson transcript(@PathVariable String slug) {
        var transcript = find(slug);
        return new TranscriptJson(transcript.meetingSlug(), transcript.title(), transcript.status(),
                transcript.preamble(), transcript.importedAt(), transcript.turns().stream().map(t -> new TurnJson(
                        t.number(), t.speaker(), t.introducedAs(), t.accountId(), t.personName(), t.organizationId(),
                        t.text(), t.words(), t.anchor())).toList());
    }

    @GetMapping(BASE + "/questions")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "transcriptQuestions", summary = "Questions from the audience read out in a meeting",
            description = "Found in the transcript where the moderator reads out a question (\"the next question "
                    + "comes from NAME\", \"an online question from NAME\"): who asked, the turn and the question.")
    Paged<AudienceQuestion> questions(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var paging = Paging.of(page, size);
        var all = find(slug).questions();
        int from = (int) Math.min(all.size(), (long) paging.page() * paging.size());
        int to = Math.min(all.size(), from + paging.size());
        return new Paged<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }

    @GetMapping(BASE + "/transcript/speakers")
    @RequiresSignIn
    @Operation(operationId = "transcriptSpeakers", summary = "Speaker labels with their links and suggestions (secretariat)",
            description = "For the secretariat of the meeting's process (an administrator for a meeting standing "
                    + "alone): every speaker label of the transcript with its number of turns and words, the names "
                    + "the moderator introduced it as, its confirmed link (person and/or organisation) and ranked "
                    + "suggestions with the reason for each. 403 not-secretariat for anyone else, 404 "
                    + "meeting-not-found or transcript-not-found.")
    List<SpeakerEntry> speakers(@PathVariable String slug, Actor actor) {
        return transcripts.speakers(slug, actor).orThrow();
    }

    @PostMapping(BASE + "/transcript/speakers")
    @RequiresSignIn
    @Operation(operationId = "transcriptLinkSpeaker", summary = "Confirm who a speaker label stands for (secretariat)",
            description = "`{label, accountId?, organizationId?}`: the link applies to every transcript of the "
                    + "meeting's process; neither id removes it.")
    SpeakerLink link(@PathVariable String slug, @RequestBody LinkSpeaker request, Actor actor) {
        return transcripts.link(slug, request, actor).orThrow();
    }

    private TranscriptView find(String slug) {
        return transcripts.find(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("transcript-not-found", "This meeting has no transcript.")));
    }
}

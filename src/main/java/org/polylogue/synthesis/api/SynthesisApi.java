package org.polylogue.synthesis.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.InputCount;
import org.polylogue.synthesis.JobState;
import org.polylogue.synthesis.JobView;
import org.polylogue.synthesis.Synthesis;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Synthesis", description = "Digests of a consultation's inputs computed in the background: campaigns, themes, consensus and contested points")
@RestController
class SynthesisApi {

    private final Synthesis synthesis;
    private final Consultations consultations;

    SynthesisApi(Synthesis synthesis, Consultations consultations) {
        this.synthesis = synthesis;
        this.consultations = consultations;
    }

    /** The answer to starting a run: the job to follow. */
    record Started(String jobId, JobState state, String status) {}

    @PostMapping("/api/v1/consultations/{slug}/synthesis")
    @RequiresSignIn
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "synthesisStart", summary = "Start a synthesis of the consultation",
            description = "Secretariat of the process or administrator. Queues a run (campaigns, themes, "
                    + "consensus): with full=true a full analysis clustering the themes again; otherwise an incremental "
                    + "update (hashes only new or changed inputs, joins them to the stored campaigns, places new distinct "
                    + "inputs at the nearest stored theme; a full analysis when there is none yet or more than 10 % new "
                    + "distinct inputs since). Answers 202 with the job to follow at /api/v1/jobs/{jobId}; if a run is already "
                    + "queued or running, that job is returned. 403 not-secretariat for anyone else.")
    ResponseEntity<Started> start(@PathVariable String slug,
            @Parameter(description = "true: cluster the themes again from scratch (a full analysis); false or absent: "
                    + "an update placing new inputs into the last full analysis's campaigns and themes")
            @RequestParam(defaultValue = "false") boolean full, Actor actor) {
        JobView job = synthesis.start(slug, actor, full).orThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id()))
                .body(new Started(job.id(), job.state(), "/api/v1/jobs/" + job.id()));
    }

    @GetMapping("/api/v1/jobs/{jobId}")
    @PublicEndpoint("job progress says no more than the public digest it computes")
    @Operation(operationId = "synthesisJob", summary = "A synthesis job", description = "state QUEUED, RUNNING, SUCCEEDED or FAILED; progress "
            + "0 to 100; message explains a failure in words. Public; 404 job-not-found.")
    JobView job(@PathVariable String jobId) {
        return synthesis.job(jobId).orElseThrow(() -> new RefusedException(Refusal.notFound("job-not-found",
                "There is no such job.")));
    }

    /** The digest in JSON, with the comment ids of every campaign and theme. */
    record SynthesisResponse(Instant computedAt, int inputs, int distinctVoices, int organisations, int groups,
            boolean stale, List<CampaignJson> campaigns, List<ThemeJson> themes, List<Digest.Point> consensus,
            List<Digest.Point> contested, List<Digest.ParagraphHeat> paragraphs, List<String> notes,
            List<InputCount> inputKinds, Digest.Run run) {}

    record CampaignJson(String id, int size, String representative, int organisations, List<String> countries,
            List<Digest.Variation> variations, List<Digest.TimeCount> bursts, String themeId, List<String> commentIds) {}

    record ThemeJson(String id, String label, int size, int signatories, List<String> excerpts, List<String> commentIds,
            List<Digest.Count> groups, List<Digest.Count> regions, List<Digest.Count> paragraphs, double consensus) {}

    @GetMapping("/api/v1/consultations/{slug}/synthesis")
    @PublicEndpoint("the digest summarises public comments and submissions")
    @Operation(operationId = "synthesisDigest", summary = "The latest synthesis of the consultation",
            description = "Campaigns (one voice, all signatories, with comment ids), themes (label, excerpts, comment "
                    + "ids, groups), cross-group consensus and contested points (each group's voices raising the point, "
                    + "for the current wording, against it, and for a change: amendments and their supports), "
                    + "per-paragraph volume and stance, and inputKinds: how many comments, written submissions, "
                    + "amendments and transcript turns were counted (stanceOnly false) and how many amendment supports, "
                    + "position-ledger stances and statement signatures (stanceOnly true). 404 no-synthesis-yet before "
                    + "the first run. run says which kind of run made the digest (full or incremental, fullAt, newInputs "
                    + "since that full analysis).")
    SynthesisResponse digest(@PathVariable String slug) {
        Digest digest = synthesis.digest(slug).orThrow();
        var consultation = consultations.find(slug).orElseThrow();
        var campaigns = digest.campaigns().stream().map(c -> new CampaignJson(c.id(), c.size(), c.representative(),
                c.organisations(), c.countries(), c.variations(), c.bursts(), c.themeId(),
                synthesis.commentIds(consultation, true, c.id()))).toList();
        var themes = digest.themes().stream().map(t -> new ThemeJson(t.id(), t.label(), t.inputs(), t.signatories(),
                t.excerpts().stream().map(Digest.Excerpt::text).toList(), synthesis.commentIds(consultation, false, t.id()),
                t.groups(), t.regions(), t.paragraphs(), t.consensus())).toList();
        return new SynthesisResponse(digest.computedAt(), digest.inputs(), digest.distinctVoices(),
                digest.organisations(), digest.groups(), synthesis.stale(consultation), campaigns, themes,
                digest.consensus(), digest.contested(), digest.paragraphs(), digest.notes(),
                synthesis.inputCounts(consultation), digest.run());
    }
}

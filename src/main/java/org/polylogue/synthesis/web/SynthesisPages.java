package org.polylogue.synthesis.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.JobView;
import org.polylogue.synthesis.Synthesis;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Controller
class SynthesisPages {

    private static final int PAGE_SIZE = 100;
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(10);

    private final Synthesis synthesis;
    private final Consultations consultations;
    private final String publicUrl;
    private final org.polylogue.synthesis.internal.SourceLinks sources;

    SynthesisPages(Synthesis synthesis, Consultations consultations, @Value("${polylogue.public-url}") String publicUrl,
            org.polylogue.synthesis.internal.SourceLinks sources) {
        this.sources = sources;
        this.synthesis = synthesis;
        this.consultations = consultations;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/consultations/{slug}/digest")
    @PublicEndpoint("the digest summarises public comments and submissions")
    String digest(@PathVariable String slug, Actor actor, Model model) {
        var consultation = find(slug);
        Digest digest = synthesis.digest(slug) instanceof Result.Ok<Digest> ok ? ok.value() : null;
        model.addAttribute("page", new DigestPage(consultation, digest, synthesis.latestJob(consultation).orElse(null),
                synthesis.canStart(actor, consultation), digest != null && synthesis.stale(consultation),
                digest == null ? java.util.List.of() : synthesis.inputCounts(consultation)));
        return "synthesis/digest";
    }

    @GetMapping("/consultations/{slug}/digest.md")
    @PublicEndpoint("the digest summarises public comments and submissions")
    ResponseEntity<String> markdown(@PathVariable String slug) {
        return switch (synthesis.markdown(slug, publicUrl)) {
            case Result.Ok<String> ok -> ResponseEntity.ok()
                    .header("Content-Disposition", "inline; filename=\"digest-" + slug + ".md\"")
                    .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8")).body(ok.value());
            case Result.Rejected<String> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    @GetMapping("/consultations/{slug}/digest/themes/{themeId}")
    @PublicEndpoint("every source of a theme is a public comment or submission")
    String theme(@PathVariable String slug, @PathVariable String themeId, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var consultation = find(slug);
        Digest digest = digestOf(slug);
        var theme = digest.themes().stream().filter(t -> t.id().equals(themeId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var members = synthesis.members(consultation, false, themeId, Paging.forPages(page, PAGE_SIZE));
        model.addAttribute("page", new MembersPage(consultation, theme, null, members,
                sources.links(consultation, members.items())));
        return "synthesis/members";
    }

    @GetMapping("/consultations/{slug}/digest/campaigns/{campaignId}")
    @PublicEndpoint("every member of a campaign is a public comment or submission")
    String campaign(@PathVariable String slug, @PathVariable String campaignId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var consultation = find(slug);
        Digest digest = digestOf(slug);
        var campaign = digest.campaigns().stream().filter(c -> c.id().equals(campaignId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var members = synthesis.members(consultation, true, campaignId, Paging.forPages(page, PAGE_SIZE));
        model.addAttribute("page", new MembersPage(consultation, null, campaign, members,
                sources.links(consultation, members.items())));
        return "synthesis/members";
    }

    @PostMapping("/consultations/{slug}/digest/jobs")
    @RequiresSignIn
    String start(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean full, Actor actor) {
        return switch (synthesis.start(slug, actor, full)) {
            case Result.Ok<JobView> ok -> "redirect:/synthesis/jobs/" + ok.value().id();
            case Result.Rejected<JobView> rejected -> {
                if (rejected.refusal().kind() == Refusal.Kind.FORBIDDEN) {
                    throw new AccessDeniedException(rejected.refusal().title());
                }
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        };
    }

    @GetMapping("/synthesis/jobs/{jobId}")
    @PublicEndpoint("job progress says no more than the public digest it computes")
    String job(@PathVariable String jobId, Model model) {
        var job = synthesis.job(jobId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("job", job);
        model.addAttribute("consultation", consultations.findById(job.consultationId()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "synthesis/job";
    }

    /** Server-sent events: "progress" with the job's JSON every half second until it finishes. */
    @GetMapping(path = "/synthesis/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PublicEndpoint("job progress says no more than the public digest it computes")
    SseEmitter events(@PathVariable String jobId) {
        if (synthesis.job(jobId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        Thread.ofVirtual().start(() -> {
            long end = System.nanoTime() + STREAM_LIMIT.toNanos();
            String last = null;
            try {
                while (System.nanoTime() < end) {
                    var job = synthesis.job(jobId).orElseThrow();
                    String state = job.state() + "/" + job.progress() + "/" + job.message();
                    if (!state.equals(last)) {
                        emitter.send(SseEmitter.event().name("progress").data(Map.of("state", job.state(), "progress",
                                job.progress(), "message", job.message() == null ? "" : job.message()),
                                MediaType.APPLICATION_JSON));
                        last = state;
                    }
                    if (job.state().finished()) {
                        break;
                    }
                    Thread.sleep(500);
                }
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            }
        });
        return emitter;
    }

    private Digest digestOf(String slug) {
        return synthesis.digest(slug) instanceof Result.Ok<Digest> ok ? ok.value() : throwNotFound();
    }

    private static Digest throwNotFound() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private ConsultationView find(String slug) {
        return consultations.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

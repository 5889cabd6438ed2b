package org.polylogue.synthesis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.synthesis.internal.DigestMarkdown;
import org.polylogue.synthesis.internal.DigestRepository;
import org.polylogue.synthesis.internal.InputCounts;
import org.polylogue.synthesis.internal.JobRepository;
import org.polylogue.synthesis.internal.JobRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The synthesis module's front door: start a run, follow its job, read the digest and its sources. */
@Service
public class Synthesis {

    private final Consultations consultations;
    private final JobRepository jobs;
    private final DigestRepository digests;
    private final SynthesisPermissions permissions;
    private final JobRunner runner;
    private final Clock clock;
    private final InputCounts counts;

    Synthesis(Consultations consultations, JobRepository jobs, DigestRepository digests,
            SynthesisPermissions permissions, JobRunner runner, Clock clock, InputCounts counts) {
        this.counts = counts;
        this.consultations = consultations;
        this.jobs = jobs;
        this.digests = digests;
        this.permissions = permissions;
        this.runner = runner;
        this.clock = clock;
    }

    /** Queues an update (incremental when possible), as {@link #start(String, Actor, boolean)} with {@code full} false. */
    @Transactional
    public Result<JobView> start(String consultationSlug, Actor actor) {
        return start(consultationSlug, actor, false);
    }

    /**
     * Queues a synthesis of the consultation: with {@code full}, a full analysis (themes clustered
     * again from scratch); without, an update that places new inputs into the campaigns and themes
     * of the last full analysis (a full one when there is none yet or the inputs drifted too far).
     * If a run is already queued or running, that job is returned instead (a queued one becomes due now, and a
     * full analysis when {@code full} is asked). Refused: unknown consultation (404), not the
     * secretariat of its process nor an administrator (403 {@code not-secretariat}).
     */
    @Transactional
    public Result<JobView> start(String consultationSlug, Actor actor, boolean full) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        if (!permissions.canStart(actor, consultation.get())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process (or an administrator) can start a synthesis."));
        }
        var pending = jobs.pending(consultation.get().id());
        if (pending.isPresent()) {
            if (pending.get().state() == JobState.QUEUED) {
                // asked for by the secretariat: due now (not after the wait for more inputs), full if asked
                jobs.dueNow(pending.get().id(), full, Instant.now(clock));
            }
            return Result.ok(view(jobs.find(pending.get().id()).orElseThrow(), consultation.get()));
        }
        String id = Ids.next();
        Instant now = Instant.now(clock);
        jobs.insert(id, consultation.get().id(), full ? "full" : "incremental", actor.accountId(), now, now);
        return Result.ok(view(jobs.find(id).orElseThrow(), consultation.get()));
    }

    public Optional<JobView> job(String id) {
        return jobs.find(id).map(row -> view(row, consultations.findById(row.consultationId()).orElse(null)));
    }

    /** The newest job of a consultation, if any ran or waits. */
    public Optional<JobView> latestJob(ConsultationView consultation) {
        return jobs.latest(consultation.id()).map(row -> view(row, consultation));
    }

    /** The latest digest; 404 {@code no-synthesis-yet} before the first run finished. */
    public Result<Digest> digest(String consultationSlug) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        return digests.digest(consultation.get().id()).<Result<Digest>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Refusal.notFound("no-synthesis-yet", "No synthesis of this "
                        + "consultation has been computed yet. The secretariat starts the first run; later runs follow "
                        + "new inputs by themselves.")));
    }

    /** Whether inputs arrived since the digest was computed (a new run is queued). */
    public boolean stale(ConsultationView consultation) {
        return digests.stale(consultation.id());
    }

    /** The inputs of a theme ({@code campaign} false) or of a campaign, oldest first. */
    public Paged<Member> members(ConsultationView consultation, boolean campaign, String id, PageRequest page) {
        return new Paged<>(digests.members(consultation.id(), campaign, id, page.size(), page.offset()), page.page(),
                page.size(), digests.countMembers(consultation.id(), campaign, id));
    }

    /** Ids of the comments of a theme or campaign, oldest first. */
    public List<String> commentIds(ConsultationView consultation, boolean campaign, String id) {
        return digests.commentIds(consultation.id(), campaign, id);
    }

    /** The digest as a Markdown document. */
    public Result<String> markdown(String consultationSlug, String baseUrl) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        return digest(consultationSlug).map(digest -> DigestMarkdown.render(consultation.get(), digest, baseUrl,
                inputCounts(consultation.get())));
    }

    /**
     * Inputs of the latest digest per kind ("40 comments", "3 amendments", "12 transcript turns"), then
     * the stance-only inputs its run read (amendment supports, position-ledger stances, statement
     * signatures); kinds with none are left out.
     */
    public List<InputCount> inputCounts(ConsultationView consultation) {
        return counts.counts(consultation.id());
    }

    public boolean canStart(Actor actor, ConsultationView consultation) {
        return actor != null && permissions.canStart(actor, consultation);
    }

    /** Runs every due job now, in this thread (tests and demo content). */
    public void runQueuedJobs() {
        runner.drain();
    }

    private static JobView view(JobRepository.JobRow row, ConsultationView consultation) {
        return new JobView(row.id(), row.consultationId(), consultation == null ? null : consultation.slug(), row.kind(),
                row.state(), row.progress(), row.message(), row.inputs(), row.createdAt(), row.startedAt(),
                row.finishedAt());
    }

    static Refusal notFound(String slug) {
        return Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".");
    }
}

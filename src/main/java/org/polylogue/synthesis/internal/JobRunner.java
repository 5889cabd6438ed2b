package org.polylogue.synthesis.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.polylogue.process.Consultations;
import org.polylogue.synthesis.JobState;
import org.polylogue.synthesis.SynthesisCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued synthesis jobs, one at a time on this node. Jobs are claimed through the database
 * ({@code for update skip locked}), so several nodes share the queue safely. A running job beats
 * its heartbeat every few seconds; a job whose heartbeat stopped (its node died) is queued again by
 * whichever node polls next.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final JobRepository jobs;
    private final DigestRepository digests;
    private final PreviousStates previousStates;
    private final InputReader reader;
    private final Consultations consultations;
    private final SynthesisSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    JobRunner(JobRepository jobs, DigestRepository digests, PreviousStates previousStates, InputReader reader,
            Consultations consultations, SynthesisSettings settings, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.previousStates = previousStates;
        this.jobs = jobs;
        this.digests = digests;
        this.reader = reader;
        this.consultations = consultations;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStart() {
        recoverAbandoned();
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${polylogue.synthesis.poll:PT1S}")
    void poll() {
        recoverAbandoned();
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            var job = jobs.claim(node, Instant.now(clock));
            if (job.isEmpty()) {
                busy.set(false);
                return;
            }
            executor.submit(() -> {
                try {
                    run(job.get());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            busy.set(false);
            log.warn("Could not claim a synthesis job: {}", e.getMessage());
        }
    }

    /** Runs queued jobs until none is due (for tests and the demo). */
    public void drain() {
        while (busy.get()) {
            Thread.onSpinWait();
            sleep(20);
        }
        busy.set(true);
        try {
            while (true) {
                var job = jobs.claim(node, Instant.now(clock));
                if (job.isEmpty()) {
                    return;
                }
                run(job.get());
            }
        } finally {
            busy.set(false);
        }
    }

    void recoverAbandoned() {
        Instant now = Instant.now(clock);
        var restarted = jobs.requeueAbandoned(now.minus(settings.staleAfter), MAX_ATTEMPTS, now);
        if (!restarted.isEmpty()) {
            log.info("Synthesis jobs {} were abandoned by a stopped node and are queued again", restarted);
        }
    }

    void run(JobRepository.JobRow job) {
        long started = System.nanoTime();
        AtomicLong lastWrite = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        var ticker = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                sleep(HEARTBEAT.toMillis());
                if (running.get() && System.nanoTime() - lastWrite.get() > HEARTBEAT.toNanos()) {
                    jobs.find(job.id()).ifPresent(j -> jobs.progress(job.id(), node, j.progress(), j.message(),
                            Instant.now(clock)));
                }
            }
        });
        try {
            var consultation = consultations.findById(job.consultationId());
            if (consultation.isEmpty()) {
                jobs.finish(job.id(), JobState.FAILED, "The consultation of this job no longer exists.", Instant.now(clock));
                return;
            }
            jobs.progress(job.id(), node, 2, "Reading comments and written submissions", Instant.now(clock));
            var inputs = reader.read(consultation.get());
            jobs.inputs(job.id(), inputs.size());
            var paragraphs = Paragraphs.numbers(consultation.get(), reader);
            SynthesisEngine.Progress progress = (percent, message) -> {
                long now = System.nanoTime();
                if (now - lastWrite.get() > 300_000_000L) {
                    lastWrite.set(now);
                    jobs.progress(job.id(), node, percent, message, Instant.now(clock));
                }
            };
            var engine = new SynthesisEngine(settings);
            SynthesisEngine.Outcome outcome = null;
            SynthesisEngine.Previous previous = null;
            if (!"full".equals(job.kind())) {
                previous = previousStates.load(job.consultationId());
                String consultationId = job.consultationId();
                outcome = engine.incremental(consultationId, inputs, previous,
                        keys -> digests.signatures(consultationId, keys), paragraphs, progress, Instant.now(clock));
            }
            if (outcome == null) {
                var known = digests.signatures(job.consultationId());
                outcome = engine.run(job.consultationId(), inputs, known, paragraphs, progress, Instant.now(clock));
            }
            var result = outcome;
            previousStates.forget();
            transactions.executeWithoutResult(status -> {
                digests.saveRun(result);
                events.publishEvent(new SynthesisCompleted(job.id(), job.consultationId(), result.digest().inputs(),
                        result.digest().computedAt()));
            });
            previousStates.committed(outcome, previous);
            long millis = (System.nanoTime() - started) / 1_000_000;
            var digest = outcome.digest();
            jobs.finish(job.id(), JobState.SUCCEEDED, (outcome.full() ? "Full analysis of " : "Incremental update of ")
                    + digest.inputs() + " inputs (" + outcome.computed().size() + " compared for the first time) in "
                    + seconds(millis) + ": " + digest.campaigns().size() + " campaigns, " + digest.themes().size()
                    + " themes.", Instant.now(clock));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Synthesis job {} failed", job.id(), e);
            jobs.finish(job.id(), JobState.FAILED, "The synthesis stopped with an error (" + e.getClass().getSimpleName()
                    + "). The previous digest, if any, is unchanged. Start it again; if it fails again, tell the platform "
                    + "administrators and quote job " + job.id() + ".", Instant.now(clock));
        } finally {
            running.set(false);
            ticker.interrupt();
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

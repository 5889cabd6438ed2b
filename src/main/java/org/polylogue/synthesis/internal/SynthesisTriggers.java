package org.polylogue.synthesis.internal;

import java.time.Clock;
import java.time.Instant;
import org.polylogue.contribution.CommentEdited;
import org.polylogue.contribution.CommentSubmitted;
import org.polylogue.shared.Ids;
import org.polylogue.statement.StatementStanceRecorded;
import org.polylogue.submission.SubmissionReceived;
import org.polylogue.synthesis.Input;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps digests current: a new or changed input marks the consultation's digest stale and queues
 * one incremental job after a short wait (so a burst of comments costs one run); so does a comment
 * or submission hidden by moderation (it must leave the campaigns and themes). Consultations
 * never synthesised are left alone until the secretariat starts the first run. Statement
 * signatures on a paragraph are kept as stances for the consensus.
 */
@Component
class SynthesisTriggers {

    private final JobRepository jobs;
    private final DigestRepository digests;
    private final SynthesisSettings settings;
    private final Clock clock;

    SynthesisTriggers(JobRepository jobs, DigestRepository digests, SynthesisSettings settings, Clock clock) {
        this.jobs = jobs;
        this.digests = digests;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CommentSubmitted event) {
        inputArrived(event.consultationId());
    }

    @ApplicationModuleListener
    void on(CommentEdited event) {
        inputArrived(event.consultationId());
    }

    @ApplicationModuleListener
    void on(SubmissionReceived event) {
        inputArrived(event.consultationId());
    }

    @ApplicationModuleListener
    void on(StatementStanceRecorded event) {
        if (event.consultationId() == null || event.paragraphId() == null) {
            return;
        }
        String source = "statement:" + event.statementId();
        if (event.signed()) {
            digests.recordStance(event.consultationId(), event.paragraphId(), event.organizationId(), source,
                    Input.Stance.SUPPORT, event.at());
        } else {
            digests.removeStance(event.consultationId(), event.paragraphId(), event.organizationId(), source);
        }
        inputArrived(event.consultationId());
    }

    void inputArrived(String consultationId) {
        if (!digests.exists(consultationId)) {
            return;
        }
        digests.markStale(consultationId);
        if (jobs.pending(consultationId).filter(j -> j.state() == org.polylogue.synthesis.JobState.QUEUED).isEmpty()) {
            Instant now = Instant.now(clock);
            jobs.insert(Ids.next(), consultationId, "incremental", null, now, now.plus(settings.debounce));
        }
    }
}

package org.polylogue.synthesis.internal;

import org.polylogue.drafting.AmendmentProposed;
import org.polylogue.drafting.AmendmentSupported;
import org.polylogue.meeting.Meetings;
import org.polylogue.moderation.ContentHidden;
import org.polylogue.process.Consultations;
import org.polylogue.transcript.TranscriptImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps digests current as amendments, supports and transcripts arrive (see {@link SynthesisTriggers}):
 * a proposed amendment, a support given or withdrawn, a transcript imported, or a comment, submission
 * or amendment hidden or shown again by the moderators mark the digests of the consultations
 * concerned stale and queue an update. The position ledger and speaker links publish no event of
 * their own: they count from the next run.
 */
@Component
class InputTriggers {

    /** Kinds of moderated items synthesis reads. */
    static final java.util.Set<String> HIDEABLE = java.util.Set.of("comment", "submission", AmendmentInputs.KIND);

    private final SynthesisTriggers triggers;
    private final Meetings meetings;
    private final Consultations consultations;

    InputTriggers(SynthesisTriggers triggers, Meetings meetings, Consultations consultations) {
        this.triggers = triggers;
        this.meetings = meetings;
        this.consultations = consultations;
    }

    @ApplicationModuleListener
    void on(AmendmentProposed event) {
        triggers.inputArrived(event.consultationId());
    }

    @ApplicationModuleListener
    void on(AmendmentSupported event) {
        triggers.inputArrived(event.consultationId());
    }

    @ApplicationModuleListener
    void on(TranscriptImported event) {
        meetingChanged(event.meetingId());
    }

    /** An item hidden or shown again by the moderators: the consultations of its process. */
    @ApplicationModuleListener
    void on(ContentHidden event) {
        if (event.processId() != null && HIDEABLE.contains(event.kind())) {
            consultations.ofProcess(event.processId()).forEach(c -> triggers.inputArrived(c.id()));
        }
    }

    private void meetingChanged(String meetingId) {
        meetings.findById(meetingId).filter(m -> m.processId() != null)
                .ifPresent(m -> consultations.ofProcess(m.processId()).forEach(c -> triggers.inputArrived(c.id())));
    }
}

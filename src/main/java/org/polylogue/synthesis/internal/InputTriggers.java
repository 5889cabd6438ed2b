package org.polylogue.synthesis.internal;

import org.polylogue.amendment.Amendments;
import org.polylogue.drafting.AmendmentProposed;
import org.polylogue.drafting.AmendmentSupported;
import org.polylogue.meeting.Meetings;
import org.polylogue.process.Consultations;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.transcript.TranscriptImported;
import org.polylogue.transcript.Transcripts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps digests current as amendments, supports and transcripts arrive (see {@link SynthesisTriggers}):
 * a proposed amendment, a support given or withdrawn, an amendment hidden or shown again, a transcript
 * imported, or a speaker linked mark the digests of the consultations concerned stale and queue an
 * update. The position ledger publishes no event: its stances count from the next run.
 */
@Component
class InputTriggers {

    private final SynthesisTriggers triggers;
    private final Amendments amendments;
    private final Transcripts transcripts;
    private final Meetings meetings;
    private final Consultations consultations;

    InputTriggers(SynthesisTriggers triggers, Amendments amendments, Transcripts transcripts, Meetings meetings,
            Consultations consultations) {
        this.triggers = triggers;
        this.amendments = amendments;
        this.transcripts = transcripts;
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

    /** Amendments hidden or shown by the moderators, and turns whose speaker was linked. */
    @ApplicationModuleListener
    void on(SearchableChanged event) {
        if (AmendmentInputs.KIND.equals(event.kind())) {
            amendments.find(event.id(), null).ifPresent(a -> triggers.inputArrived(a.consultationId()));
        } else if (TurnInputs.KIND.equals(event.kind())) {
            transcripts.findTurn(event.id()).ifPresent(t -> meetingChanged(t.meetingId()));
        }
    }

    private void meetingChanged(String meetingId) {
        meetings.findById(meetingId).filter(m -> m.processId() != null)
                .ifPresent(m -> consultations.ofProcess(m.processId()).forEach(c -> triggers.inputArrived(c.id())));
    }
}

package org.polylogue.position.internal;

import java.util.Optional;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.amendment.Amendments;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.transcript.Transcripts;
import org.polylogue.transcript.TurnLocation;
import org.springframework.stereotype.Component;

/**
 * Checks of evidence and items that belong to the transcript and amendment modules, through their
 * facades: a transcript turn must exist and belong to a meeting of the stance's process; an amendment
 * must exist, belong to a consultation of the process, and (as an item) to the consultation given.
 */
@Component
public class EvidenceHooks {

    /** A checked piece of evidence: a refusal message for the field, or where the piece is read and its label. */
    public record Checked(String refusal, String path, String label) {

        static Checked refused(String message) {
            return new Checked(message, null, null);
        }

        public boolean ok() {
            return refusal == null;
        }
    }

    private final Transcripts transcripts;
    private final Amendments amendments;
    private final Consultations consultations;

    EvidenceHooks(Transcripts transcripts, Amendments amendments, Consultations consultations) {
        this.transcripts = transcripts;
        this.amendments = amendments;
        this.consultations = consultations;
    }

    /** Where an amendment is read. */
    public static String amendmentPath(String consultationSlug, String amendmentId) {
        return "/consultations/" + consultationSlug + "/amendments/" + amendmentId;
    }

    /**
     * The turn's anchor when it is a turn of a meeting of the process, else a message for the id field.
     * The path a client sends is not trusted: the anchor is built from the turn itself.
     */
    public Checked checkTurn(String processId, String turnId) {
        Optional<TurnLocation> turn = Ids.looksValid(turnId) ? transcripts.findTurn(turnId) : Optional.empty();
        if (turn.isEmpty()) {
            return Checked.refused("no transcript turn with this id");
        }
        if (!processId.equals(turn.get().processId())) {
            return Checked.refused("no transcript turn with this id in a meeting of this process");
        }
        return new Checked(null, turn.get().anchor(),
                "Turn " + turn.get().number() + " of the transcript of “" + turn.get().meetingTitle() + "”");
    }

    /**
     * The amendment's page when it belongs to a consultation of the process (and to the consultation
     * given, when one is), else a message for the id field.
     */
    public Checked checkAmendment(String processId, String amendmentId, String consultationId) {
        Optional<AmendmentView> amendment = Ids.looksValid(amendmentId) ? amendments.find(amendmentId, null)
                : Optional.empty();
        if (amendment.isEmpty()) {
            return Checked.refused("no amendment with this id");
        }
        var a = amendment.get();
        if (consultationId != null && !consultationId.equals(a.consultationId())) {
            return Checked.refused("no amendment with this id in this consultation");
        }
        Optional<ConsultationView> consultation = consultations.findById(a.consultationId());
        if (processId != null && consultation.map(ConsultationView::processId).filter(processId::equals).isEmpty()) {
            return Checked.refused("no amendment with this id in this process");
        }
        String title = consultation.map(ConsultationView::title).orElse("a consultation");
        return new Checked(null, a.path(), "Amendment to “" + title + "”");
    }
}

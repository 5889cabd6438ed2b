package org.polylogue.position.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.polylogue.drafting.AmendmentSupported;
import org.polylogue.position.EvidenceKind;
import org.polylogue.position.ItemKind;
import org.polylogue.position.Position;
import org.polylogue.position.RecordedAs;
import org.polylogue.position.internal.PositionRepository.EvidenceRow;
import org.polylogue.position.internal.PositionRepository.StanceRow;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.statement.JointStatements;
import org.polylogue.statement.StatementStanceRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stances the platform records by itself: co-signing (or withdrawing from) a statement linked to a
 * paragraph, and supporting (or no longer supporting) an amendment. Durable listeners: an event not
 * handled yet is delivered again after a restart; its source key makes a second delivery store nothing.
 */
@Component
class StanceEvents {

    private static final Logger log = LoggerFactory.getLogger(StanceEvents.class);

    private final PositionRepository repository;
    private final Consultations consultations;
    private final JointStatements statements;

    StanceEvents(PositionRepository repository, Consultations consultations, JointStatements statements) {
        this.repository = repository;
        this.consultations = consultations;
        this.statements = statements;
    }

    @ApplicationModuleListener
    void on(StatementStanceRecorded event) {
        var consultation = consultations.findById(event.consultationId());
        if (consultation.isEmpty() || event.paragraphId() == null) {
            log.warn("Statement stance without a consultation paragraph, not recorded: {}", event);
            return;
        }
        String title = statements.find(event.statementId(), null).map(s -> s.title()).orElse(null);
        String named = title == null ? "a joint statement" : "the joint statement “" + title + "”";
        String summary = event.signed() ? "Co-signed " + named + "." : "Withdrew its signature from " + named + ".";
        if (summary.length() > 500) {
            summary = summary.substring(0, 498) + "…";
        }
        var row = new StanceRow(Ids.next(), consultation.get().processId(), "organization", event.organizationId(),
                ItemKind.PARAGRAPH.code(), event.paragraphId(), event.consultationId(),
                (event.signed() ? Position.SUPPORTS : Position.NEUTRAL).name(), summary,
                LocalDate.ofInstant(event.at(), ZoneOffset.UTC), event.at(), null, RecordedAs.CO_SIGNATURE.code(),
                "statement:" + event.statementId() + ":" + event.organizationId() + ":" + event.signed() + ":"
                        + event.at());
        repository.insert(row, List.of(new EvidenceRow(row.id(), 0, EvidenceKind.STATEMENT.code(), event.statementId(),
                "/statements/" + event.statementId(), title == null ? "Joint statement" : "Joint statement “" + title
                        + "”")));
    }

    @ApplicationModuleListener
    void on(AmendmentSupported event) {
        var consultation = consultations.findById(event.consultationId());
        if (consultation.isEmpty()) {
            log.warn("Amendment support without a known consultation, not recorded: {}", event);
            return;
        }
        var row = new StanceRow(Ids.next(), consultation.get().processId(), "organization", event.organizationId(),
                ItemKind.AMENDMENT.code(), event.amendmentId(), event.consultationId(),
                (event.supported() ? Position.SUPPORTS : Position.NEUTRAL).name(),
                event.supported() ? "Supported the amendment." : "Withdrew its support for the amendment.",
                LocalDate.ofInstant(event.at(), ZoneOffset.UTC), event.at(), null,
                RecordedAs.AMENDMENT_SUPPORT.code(), "amendment:" + event.amendmentId() + ":" + event.organizationId()
                        + ":" + event.supported() + ":" + event.at());
        repository.insert(row, List.of(new EvidenceRow(row.id(), 0, EvidenceKind.AMENDMENT.code(), event.amendmentId(),
                EvidenceHooks.amendmentPath(consultation.get().slug(), event.amendmentId()), "Amendment")));
    }
}

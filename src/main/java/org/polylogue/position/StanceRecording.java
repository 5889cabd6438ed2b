package org.polylogue.position;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.drafting.Drafts;
import org.polylogue.position.internal.EvidenceChecks;
import org.polylogue.position.internal.EvidenceHooks;
import org.polylogue.position.internal.PositionRepository;
import org.polylogue.position.internal.PositionRepository.EvidenceRow;
import org.polylogue.position.internal.PositionRepository.StanceRow;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Refusal.FieldMessage;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a stance (by the secretariat, an organisation's representative or a person for
 * themselves): checks who may, resolves the item, checks the evidence, and appends the stance.
 */
@Service
class StanceRecording {

    private final PositionRepository repository;
    private final PositionPermissions permissions;
    private final EvidenceChecks evidenceChecks;
    private final EvidenceHooks hooks;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Organizations organizations;
    private final Clock clock;

    StanceRecording(PositionRepository repository, PositionPermissions permissions, EvidenceChecks evidenceChecks,
            EvidenceHooks hooks, Consultations consultations, Drafts drafts, Organizations organizations,
            Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.evidenceChecks = evidenceChecks;
        this.hooks = hooks;
        this.consultations = consultations;
        this.drafts = drafts;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Records a stance. Refused: email not confirmed, or recording for an organisation the actor
     * neither represents nor runs the process of (403); unknown organisation, item, consultation or
     * paragraph, unknown position, missing or over-long summary, a date in the future, evidence that
     * cannot be found or a link that is not https (400 with field errors); no evidence at all (422
     * {@code evidence-required}). Nothing is stored when refused.
     */
    @Transactional
    Result<String> record(RecordStance request, Actor actor) {
        List<FieldMessage> errors = new ArrayList<>();
        var requestedActor = request.actor();
        String organizationId = requestedActor == null ? null : blankToNull(requestedActor.organizationId());
        boolean self = requestedActor != null && Boolean.TRUE.equals(requestedActor.self());
        if (organizationId == null && !self) {
            errors.add(new FieldMessage("actor", "is required: an organisation ({\"organizationId\"}) or yourself "
                    + "({\"self\": true})"));
        } else if (organizationId != null && self) {
            errors.add(new FieldMessage("actor", "is either an organisation or yourself, not both"));
        } else if (organizationId != null && organizations.find(organizationId).isEmpty()) {
            errors.add(new FieldMessage("actor.organizationId", "no organisation with this id"));
        }
        var item = resolve(request.item(), errors);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        var recording = permissions.recording(actor, item.processId(), organizationId);
        if (recording.refusal() != null) {
            return Result.rejected(recording.refusal());
        }
        var position = Position.parse(request.position());
        if (position == null) {
            errors.add(new FieldMessage("position", "must be one of SUPPORTS, OPPOSES, WANTS_AMENDMENT, CONDITIONAL, "
                    + "NEUTRAL"));
        }
        String summary = request.summary() == null ? "" : request.summary().strip();
        if (summary.isEmpty()) {
            errors.add(new FieldMessage("summary", "is empty; say in a sentence what the stance is"));
        } else if (summary.length() > RecordStance.MAX_SUMMARY) {
            errors.add(new FieldMessage("summary", "is " + summary.length() + " characters long; the limit is "
                    + RecordStance.MAX_SUMMARY));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate date = today;
        if (blankToNull(request.date()) != null) {
            try {
                date = LocalDate.parse(request.date().strip());
                if (date.isAfter(today.plusDays(1))) {
                    errors.add(new FieldMessage("date", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldMessage("date", "must be a date like 2026-11-30"));
            }
        }
        var evidence = request.evidence() == null ? List.<RecordStance.Evidence>of() : request.evidence();
        List<EvidenceRow> rows = List.of();
        if (evidence.size() > RecordStance.MAX_EVIDENCE) {
            errors.add(new FieldMessage("evidence", "has " + evidence.size() + " items; the limit is "
                    + RecordStance.MAX_EVIDENCE));
        } else if (evidence.isEmpty()) {
            errors.add(new FieldMessage("evidence", "is required: at least one comment, transcript turn, joint "
                    + "statement, submission, amendment or https link that shows the stance"));
        } else {
            rows = evidenceChecks.check(item.processId(), evidence, errors);
        }
        if (evidence.isEmpty()) {
            return Result.rejected(new Refusal(Refusal.Kind.UNPROCESSABLE, "evidence-required",
                    "A stance needs evidence: at least one source that shows it.", errors));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        String actorKind = organizationId == null ? "person" : "organization";
        String actorId = organizationId == null ? actor.accountId() : organizationId;
        var row = new StanceRow(Ids.next(), item.processId(), actorKind, actorId, item.kind().code(), item.id(),
                item.consultationId(), position.name(), summary, date, Instant.now(clock), actor.accountId(),
                recording.as().code(), null);
        repository.insert(row, rows);
        return Result.ok(row.id());
    }

    private record ResolvedItem(ItemKind kind, String id, String consultationId, String processId) {}

    private ResolvedItem resolve(RecordStance.Item item, List<FieldMessage> errors) {
        var kind = item == null ? null : ItemKind.parse(item.kind());
        String id = item == null ? null : blankToNull(item.id());
        if (kind == null) {
            errors.add(new FieldMessage("item.kind", "must be one of proposal, consultation, paragraph, amendment"));
            return null;
        }
        if (id == null) {
            errors.add(new FieldMessage("item.id", "is required"));
            return null;
        }
        switch (kind) {
            case PROPOSAL -> {
                var proposal = repository.proposal(id).filter(p -> !p.deleted());
                if (proposal.isEmpty()) {
                    errors.add(new FieldMessage("item.id", "no named proposal with this id"));
                    return null;
                }
                return new ResolvedItem(kind, id, null, proposal.get().processId());
            }
            case CONSULTATION -> {
                var consultation = consultation(id);
                if (consultation.isEmpty()) {
                    errors.add(new FieldMessage("item.id", "no consultation with this slug or id"));
                    return null;
                }
                return new ResolvedItem(kind, consultation.get().id(), consultation.get().id(),
                        consultation.get().processId());
            }
            default -> {
                String reference = item.consultation() == null ? null : blankToNull(item.consultation());
                var consultation = reference == null ? Optional.<ConsultationView>empty() : consultation(reference);
                if (consultation.isEmpty()) {
                    errors.add(new FieldMessage("item.consultation", reference == null
                            ? "is required for a " + kind.code() + ": the slug or id of its consultation"
                            : "no consultation with this slug or id"));
                    return null;
                }
                var c = consultation.get();
                if (kind == ItemKind.PARAGRAPH && drafts.paragraph(c.documentId(), id).isEmpty()) {
                    errors.add(new FieldMessage("item.id", "no paragraph with this id in the current draft"));
                    return null;
                }
                if (kind == ItemKind.AMENDMENT) {
                    var checked = hooks.checkAmendment(c.processId(), id, c.id());
                    if (!checked.ok()) {
                        errors.add(new FieldMessage("item.id", checked.refusal()));
                        return null;
                    }
                }
                return new ResolvedItem(kind, id, c.id(), c.processId());
            }
        }
    }

    private Optional<ConsultationView> consultation(String slugOrId) {
        return consultations.find(slugOrId).or(() -> consultations.findById(slugOrId));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

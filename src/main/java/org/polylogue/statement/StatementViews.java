package org.polylogue.statement;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.drafting.Drafts;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.internal.StatementRepository;
import org.polylogue.statement.internal.StatementRepository.SignatureRow;
import org.polylogue.statement.internal.StatementRepository.StatementRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Statements as the reader may see them: visibility, status, and the views with signatories and links. */
@Component
class StatementViews {

    private final StatementRepository repository;
    private final StatementPermissions permissions;
    private final Organizations organizations;
    private final Processes processes;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Moderation moderation;
    private final Clock clock;

    StatementViews(StatementRepository repository, StatementPermissions permissions, Organizations organizations,
            Processes processes, Consultations consultations, Drafts drafts, Moderation moderation, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.organizations = organizations;
        this.processes = processes;
        this.consultations = consultations;
        this.drafts = drafts;
        this.moderation = moderation;
        this.clock = clock;
    }

    /** The statement when the actor may see it and acts for its lead organisation (404 / 403 otherwise). */
    Result<StatementRow> asLead(String id, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(StatementRefusals.notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        return refused != null ? Result.rejected(refused) : Result.ok(found.get());
    }

    Optional<StatementRow> visible(String id, Actor actor) {
        return repository.find(id).filter(row -> permissions.canSee(actor, status(row), row.leadOrganizationId()));
    }

    StatementStatus status(StatementRow row) {
        if (row.signingOpenedAt() == null) {
            return StatementStatus.DRAFT;
        }
        Instant now = Instant.now(clock);
        if (row.signingClosedAt() != null || (row.signingClosesAt() != null && !row.signingClosesAt().isAfter(now))) {
            return StatementStatus.CLOSED;
        }
        return StatementStatus.OPEN;
    }

    StatementView view(StatementRow row) {
        return views(List.of(row)).getFirst();
    }

    List<StatementView> views(List<StatementRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(StatementRow::id).toList();
        var signatures = repository.signatures(ids);
        Set<String> orgIds = new HashSet<>();
        rows.forEach(r -> orgIds.add(r.leadOrganizationId()));
        signatures.forEach(s -> orgIds.add(s.organizationId()));
        var orgs = organizations.find(orgIds);
        var hidden = moderation.hidden(JointStatements.KIND, ids);
        Map<String, ProcessView> processById = new java.util.HashMap<>();
        if (rows.stream().anyMatch(r -> r.processId() != null)) {
            rows.stream().map(StatementRow::processId).filter(java.util.Objects::nonNull).distinct()
                    .forEach(id -> processes.findById(id).ifPresent(p -> processById.put(p.id(), p)));
        }
        var consultationById = consultations.findAll(rows.stream().map(StatementRow::consultationId)
                .filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(row -> {
            var own = signatures.stream().filter(s -> s.statementId().equals(row.id()))
                    .map(s -> signatory(s, orgs.get(s.organizationId()), row.leadOrganizationId())).toList();
            var lead = signatory(new SignatureRow(null, row.id(), row.leadOrganizationId(), null, null, null, null),
                    orgs.get(row.leadOrganizationId()), row.leadOrganizationId());
            var notice = hidden.get(row.id());
            return new StatementView(row.id(), notice == null ? row.title() : null, notice == null ? row.body() : null,
                    notice == null ? row.bodyHtml() : null, lead,
                    link(row, processById.get(row.processId()), consultationById.get(row.consultationId())),
                    status(row), row.createdAt(), row.updatedAt(), row.signingOpenedAt(), row.signingClosesAt(),
                    row.signingClosedAt(), own, notice);
        }).toList();
    }

    private StatementLink link(StatementRow row, ProcessView process, ConsultationView consultation) {
        int number = 0;
        if (row.paragraphId() != null && consultation != null) {
            number = drafts.paragraph(consultation.documentId(), row.paragraphId()).map(b -> b.number()).orElse(0);
        }
        return new StatementLink(row.processId(), process == null ? null : process.slug(),
                process == null ? null : process.title(), row.consultationId(),
                consultation == null ? null : consultation.slug(), consultation == null ? null : consultation.title(),
                row.paragraphId(), number);
    }

    static Signatory signatory(SignatureRow s, OrganizationView o, String leadId) {
        boolean lead = s.organizationId().equals(leadId);
        if (o == null) {
            return new Signatory(s.organizationId(), "(unknown)", false, null, null, null, null, s.signedAt(),
                    s.withdrawnAt(), lead);
        }
        return new Signatory(o.id(), o.name(), o.verified(), o.type(), o.country(), o.countryName(), o.regionalGroup(),
                s.signedAt(), s.withdrawnAt(), lead);
    }

    /** The organisation's newest signature of the given state on the statement. */
    Signatory signatory(String id, String organizationId, boolean current) {
        var signatures = view(repository.find(id).orElseThrow()).signatures();
        return signatures.reversed().stream().filter(s -> s.organizationId().equals(organizationId))
                .filter(s -> s.current() == current).findFirst().orElseThrow();
    }
}

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

/** Organisations sign and withdraw; each change of a paragraph-linked statement records a stance. */
@Component
class StatementSignatures {

    private final StatementViews views;
    private final StatementRepository repository;
    private final StatementPermissions permissions;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementSignatures(StatementViews views, StatementRepository repository, StatementPermissions permissions,
            Organizations organizations, ApplicationEventPublisher events, Clock clock) {
        this.views = views;
        this.repository = repository;
        this.permissions = permissions;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Signs for an organisation. Refused: unknown statement (404), email not confirmed (403), not
     * its representative (403 {@code not-representative}), not verified (403 {@code not-verified}),
     * signing not opened (409 {@code signing-not-open}), closed (409 {@code signing-closed}), a
     * current signature already (409 {@code already-signed}).
     */
    @Transactional
    public Result<Signatory> sign(String id, String organizationId, Actor actor) {
        var found = views.visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(StatementRefusals.notFound());
        }
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(StatementPermissions.EMAIL_NOT_CONFIRMED);
        }
        if (StatementRefusals.blankToNull(organizationId) == null) {
            return Result.rejected(Refusal.invalid("organizationId", "is required: choose the organisation"));
        }
        var organization = organizations.find(organizationId.strip());
        if (organization.isEmpty()) {
            return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
        }
        var refused = permissions.refuseSignature(actor, organization.get());
        if (refused != null) {
            return Result.rejected(refused);
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        switch (views.status(row)) {
            case DRAFT -> {
                return Result.rejected(StatementRefusals.notOpen());
            }
            case CLOSED -> {
                return Result.rejected(StatementRefusals.closed());
            }
            case OPEN -> {
            }
        }
        String orgId = organization.get().id();
        if (repository.signatures(id).stream().anyMatch(s -> s.organizationId().equals(orgId) && s.withdrawnAt() == null)) {
            return Result.rejected(Refusal.conflict("already-signed", "This organisation has already signed this statement.",
                    "organizationId"));
        }
        Instant now = Instant.now(clock);
        repository.insertSignature(Ids.next(), id, orgId, actor.accountId(), now);
        stance(row, orgId, true, now);
        return Result.ok(views.signatory(id, orgId, true));
    }

    /**
     * Withdraws the organisation's current signature; it stays listed as withdrawn, dated.
     * Refused: no current signature (404 {@code signature-not-found}), not its representative (403),
     * the lead organisation (409 {@code lead-signature}), signing closed (409 {@code signing-closed}).
     */
    @Transactional
    public Result<Signatory> withdraw(String id, String organizationId, Actor actor) {
        var found = views.visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(StatementRefusals.notFound());
        }
        var refused = permissions.refuseWithdrawal(actor, organizationId);
        if (refused != null) {
            return Result.rejected(refused);
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        if (repository.signatures(id).stream()
                .noneMatch(s -> s.organizationId().equals(organizationId) && s.withdrawnAt() == null)) {
            return Result.rejected(Refusal.notFound("signature-not-found",
                    "This organisation has no current signature on this statement."));
        }
        if (row.leadOrganizationId().equals(organizationId)) {
            return Result.rejected(Refusal.conflict("lead-signature",
                    "The lead organisation cannot withdraw from its own statement."));
        }
        if (views.status(row) == StatementStatus.CLOSED) {
            return Result.rejected(StatementRefusals.closed());
        }
        Instant now = Instant.now(clock);
        repository.withdraw(id, organizationId, actor.accountId(), now);
        stance(row, organizationId, false, now);
        return Result.ok(views.signatory(id, organizationId, false));
    }

    void stance(StatementRow row, String organizationId, boolean signed, Instant at) {
        if (row.paragraphId() != null) {
            events.publishEvent(new StatementStanceRecorded(row.id(), row.consultationId(), row.paragraphId(),
                    organizationId, signed, at));
        }
    }
}

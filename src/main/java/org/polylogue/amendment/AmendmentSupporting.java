package org.polylogue.amendment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.polylogue.amendment.internal.AmendmentRepository;
import org.polylogue.amendment.internal.AmendmentRepository.AmendmentRow;
import org.polylogue.amendment.internal.AmendmentViews;
import org.polylogue.drafting.AmendmentSupported;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Representatives of other organisations support an amendment, and withdraw their support. */
@Component
class AmendmentSupporting {

    private final AmendmentRepository repository;
    private final AmendmentViews views;
    private final AmendmentPermissions permissions;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Moderation moderation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AmendmentSupporting(AmendmentRepository repository, AmendmentViews views, AmendmentPermissions permissions,
            Consultations consultations, Organizations organizations, Moderation moderation,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.views = views;
        this.permissions = permissions;
        this.consultations = consultations;
        this.organizations = organizations;
        this.moderation = moderation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the organisation's support. Refused: unknown amendment (404), email not confirmed
     * (403), no or unknown organisation (400), not its representative (403
     * {@code not-representative}), the proposing organisation (409 {@code own-amendment}), window
     * closed (409 {@code consultation-closed}), disposition published (409 {@code amendment-disposed}),
     * hidden (409 {@code amendment-hidden}), already supporting (409 {@code already-supported}).
     */
    @Transactional
    Result<AmendmentView> support(String id, String organizationId, Actor actor) {
        var row = repository.findForUpdate(id);
        if (row.isEmpty()) {
            return Result.rejected(AmendmentRefusals.amendmentNotFound());
        }
        var consultation = consultations.findById(row.get().consultationId()).orElseThrow();
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(AmendmentPermissions.EMAIL_NOT_CONFIRMED);
        }
        String orgId = AmendmentRefusals.blankToNull(organizationId);
        if (orgId == null) {
            return Result.rejected(Refusal.invalid("organizationId", "is required: choose the organisation"));
        }
        if (organizations.find(orgId).isEmpty()) {
            return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
        }
        if (!permissions.represents(actor, orgId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can support in its name.", "organizationId"));
        }
        if (orgId.equals(row.get().organizationId())) {
            return Result.rejected(Refusal.conflict("own-amendment",
                    "This organisation proposed the amendment; supports come from other organisations.",
                    "organizationId"));
        }
        var refused = refuseChange(row.get(), consultation);
        if (refused != null) {
            return Result.rejected(refused);
        }
        if (repository.supports(List.of(id)).getOrDefault(id, List.of()).stream()
                .anyMatch(s -> s.organizationId().equals(orgId))) {
            return Result.rejected(Refusal.conflict("already-supported",
                    "This organisation already supports this amendment.", "organizationId"));
        }
        Instant now = Instant.now(clock);
        repository.insertSupport(id, orgId, actor.accountId(), now);
        events.publishEvent(new AmendmentSupported(id, consultation.id(), row.get().paragraphId(), orgId, true, now));
        return Result.ok(views.views(consultation, List.of(row.get()), false).getFirst());
    }

    /** Withdraws the organisation's support. Refused as {@link #support} and 404 {@code support-not-found}. */
    @Transactional
    Result<AmendmentView> withdraw(String id, String organizationId, Actor actor) {
        var row = repository.findForUpdate(id);
        if (row.isEmpty()) {
            return Result.rejected(AmendmentRefusals.amendmentNotFound());
        }
        var consultation = consultations.findById(row.get().consultationId()).orElseThrow();
        if (!permissions.represents(actor, organizationId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can withdraw its support."));
        }
        var refused = refuseChange(row.get(), consultation);
        if (refused != null) {
            return Result.rejected(refused);
        }
        if (!repository.deleteSupport(id, organizationId)) {
            return Result.rejected(Refusal.notFound("support-not-found",
                    "This organisation does not support this amendment."));
        }
        events.publishEvent(new AmendmentSupported(id, consultation.id(), row.get().paragraphId(), organizationId,
                false, Instant.now(clock)));
        return Result.ok(views.views(consultation, List.of(row.get()), false).getFirst());
    }

    private Refusal refuseChange(AmendmentRow row, ConsultationView consultation) {
        if (!consultation.isOpen()) {
            return AmendmentRefusals.closed(consultation);
        }
        if (!repository.dispositions(AmendmentViews.KIND, List.of(row.id()), false).isEmpty()) {
            return Refusal.conflict("amendment-disposed",
                    "The secretariat has published its disposition of this amendment; supports can no longer change.");
        }
        if (!moderation.hidden(AmendmentViews.KIND, List.of(row.id())).isEmpty()) {
            return Refusal.conflict("amendment-hidden", "The moderators hid this amendment.");
        }
        return null;
    }
}

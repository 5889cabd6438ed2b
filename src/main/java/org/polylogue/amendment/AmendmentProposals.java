package org.polylogue.amendment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.polylogue.amendment.internal.AmendmentRepository;
import org.polylogue.amendment.internal.AmendmentRepository.AmendmentRow;
import org.polylogue.amendment.internal.AmendmentViews;
import org.polylogue.drafting.AmendmentProposed;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person proposes an amendment to a paragraph of the current draft. */
@Component
class AmendmentProposals {

    private final AmendmentRepository repository;
    private final AmendmentViews views;
    private final AmendmentPermissions permissions;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Drafts drafts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AmendmentProposals(AmendmentRepository repository, AmendmentViews views, AmendmentPermissions permissions,
            Consultations consultations, Organizations organizations, Drafts drafts, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.views = views;
        this.permissions = permissions;
        this.consultations = consultations;
        this.organizations = organizations;
        this.drafts = drafts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the amendment against the current version. Refused: unknown consultation (404), outside
     * the window (409 {@code consultation-closed}), email not confirmed (403), invalid fields (400
     * with every field's problem), a paragraph removed from the current version (409
     * {@code paragraph-not-current}), an organisation the person does not represent (403).
     */
    @Transactional
    Result<AmendmentView> propose(String slug, ProposeAmendment request, Actor actor) {
        var found = consultations.find(slug);
        if (found.isEmpty()) {
            return Result.rejected(AmendmentRefusals.consultationNotFound(slug));
        }
        var consultation = found.get();
        if (consultation.status() != ConsultationStatus.OPEN) {
            return Result.rejected(AmendmentRefusals.closed(consultation));
        }
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(AmendmentPermissions.EMAIL_NOT_CONFIRMED);
        }
        String paragraphId = AmendmentRefusals.blankToNull(request.paragraphId());
        AmendmentKind kind = AmendmentKind.parse(request.kind());
        String text = AmendmentRefusals.blankToNull(request.text());
        String rationale = AmendmentRefusals.blankToNull(request.rationale());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (paragraphId == null) {
            errors.add(new Refusal.FieldMessage("paragraphId", "is required: choose the paragraph to amend"));
        }
        if (kind == null) {
            errors.add(new Refusal.FieldMessage("kind", "must be REPLACE, INSERT_AFTER or DELETE"));
        } else if (kind.needsText() && text == null) {
            errors.add(new Refusal.FieldMessage("text", kind == AmendmentKind.REPLACE
                    ? "is required: write the paragraph as it should read"
                    : "is required: write the paragraph to insert"));
        } else if (!kind.needsText() && text != null) {
            errors.add(new Refusal.FieldMessage("text", "must be empty when the paragraph is deleted"));
        }
        if (text != null && text.length() > ProposeAmendment.MAX_TEXT) {
            errors.add(new Refusal.FieldMessage("text", "is " + text.length() + " characters long; the limit is "
                    + ProposeAmendment.MAX_TEXT));
        }
        if (rationale == null) {
            errors.add(new Refusal.FieldMessage("rationale", "is required: say why the text should change"));
        } else if (rationale.length() > ProposeAmendment.MAX_RATIONALE) {
            errors.add(new Refusal.FieldMessage("rationale", "is " + rationale.length()
                    + " characters long; the limit is " + ProposeAmendment.MAX_RATIONALE));
        }
        if (request.organizationId() != null && request.organizationId().isBlank()) {
            errors.add(new Refusal.FieldMessage("organizationId", "is empty; leave it out to propose for yourself"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        var version = drafts.currentVersion(consultation.documentId()).orElseThrow();
        Block paragraph = version.paragraphsById().get(paragraphId);
        if (paragraph == null) {
            return Result.rejected(removedEarlier(consultation.documentId(), version.number(), paragraphId)
                    ? Refusal.conflict("paragraph-not-current", "This paragraph is no longer in the current draft "
                            + "(version " + version.number() + "); amend the current text instead.", "paragraphId")
                    : Refusal.invalid("paragraphId", "no paragraph with this id in the current draft"));
        }
        if (kind == AmendmentKind.REPLACE && text.equals(paragraph.text())) {
            return Result.rejected(Refusal.invalid("text", "is the same as the current text; change it"));
        }
        String organizationId = null;
        if (request.organizationId() != null) {
            var organization = organizations.find(request.organizationId().strip());
            if (organization.isEmpty()) {
                return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
            }
            if (!permissions.represents(actor, organization.get().id())) {
                return Result.rejected(Refusal.forbidden("not-representative",
                        "You do not represent this organisation, so you cannot propose in its name.",
                        "organizationId"));
            }
            organizationId = organization.get().id();
        }
        var row = new AmendmentRow(Ids.next(), consultation.id(), consultation.documentId(), paragraphId, kind.name(),
                text, rationale, version.number(), actor.accountId(), organizationId, Instant.now(clock));
        repository.insert(row);
        events.publishEvent(new AmendmentProposed(row.id(), consultation.id(), paragraphId, organizationId));
        events.publishEvent(new SearchableChanged(AmendmentViews.KIND, row.id()));
        return Result.ok(views.views(consultation, List.of(row), false).getFirst());
    }

    private boolean removedEarlier(String documentId, int current, String paragraphId) {
        for (int n = current - 1; n >= 1; n--) {
            var version = drafts.version(documentId, n);
            if (version.isPresent() && version.get().paragraphsById().containsKey(paragraphId)) {
                return true;
            }
        }
        return false;
    }
}

package org.polylogue.statement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.internal.StatementMarkdown;
import org.polylogue.statement.internal.StatementRepository;
import org.polylogue.statement.internal.StatementRepository.SignatureRow;
import org.polylogue.statement.internal.StatementRepository.StatementRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement module's front door. A statement is a DRAFT (text editable, seen by the lead's
 * representatives) until the lead opens signing: then the text is frozen, the lead organisation is
 * its first signatory and any verified organisation may sign until the lead closes signing or the
 * optional closing date passes. A withdrawn signature stays listed with its dates; the organisation
 * may sign again while signing is open (a new, separate signature). The list is final once
 * signing is closed: no signing and no withdrawing.
 */
@Service
public class JointStatements {

    public static final String KIND = "statement";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StatementRepository repository;
    private final StatementPermissions permissions;
    private final Organizations organizations;
    private final Processes processes;
    private final Consultations consultations;
    private final Drafts drafts;
    private final StatementViews views;
    private final StatementInvitations invitations;
    private final StatementSignatures signatures;
    private final Clock clock;

    private final org.polylogue.moderation.SpamGuard spamGuard;
    private final org.springframework.context.ApplicationEventPublisher events;

    JointStatements(StatementRepository repository, StatementPermissions permissions, Organizations organizations,
            Processes processes, Consultations consultations, Drafts drafts, StatementViews views,
            StatementInvitations invitations, StatementSignatures signatures, Clock clock,
            org.polylogue.moderation.SpamGuard spamGuard, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.spamGuard = spamGuard;
        this.repository = repository;
        this.permissions = permissions;
        this.organizations = organizations;
        this.processes = processes;
        this.consultations = consultations;
        this.drafts = drafts;
        this.views = views;
        this.invitations = invitations;
        this.signatures = signatures;
        this.clock = clock;
    }

    /**
     * Drafts a statement for a lead organisation the actor represents. Refused: email not
     * confirmed (403 {@code email-not-confirmed}), missing or over-long title or body, unknown
     * organisation, process, consultation or paragraph (400), an organisation the actor does not
     * represent (403 {@code not-representative}).
     */
    @Transactional
    public Result<StatementView> draft(DraftStatement request, Actor actor) {
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(StatementPermissions.EMAIL_NOT_CONFIRMED);
        }
        List<Refusal.FieldMessage> errors = new ArrayList<>(textErrors(request.title(), request.body(), true));
        String organizationId = StatementRefusals.blankToNull(request.organizationId());
        OrganizationView lead = organizationId == null ? null : organizations.find(organizationId).orElse(null);
        if (lead == null) {
            errors.add(new Refusal.FieldMessage("organizationId",
                    organizationId == null ? "is required: choose the lead organisation" : "no organisation with this id"));
        }
        var link = link(request, errors);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        if (!organizations.represents(actor.accountId(), lead.id())) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "You do not represent this organisation, so you cannot draft a statement in its name.",
                    "organizationId"));
        }
        Instant now = Instant.now(clock);
        String body = request.body().strip();
        if (spamGuard.check("statement", link.processId(), actor.accountId(), body)
                instanceof Result.Rejected<Void> refused) {
            return Result.rejected(refused.refusal());
        }
        var row = new StatementRow(Ids.next(), request.title().strip(), body, StatementMarkdown.toHtml(body), lead.id(),
                actor.accountId(), now, now, link.processId(), link.consultationId(), link.paragraphId(), token(), null,
                null, null);
        repository.insert(row);
        spamGuard.afterPublished("statement", row.id(), link.processId(), actor.accountId(), body);
        events.publishEvent(new org.polylogue.shared.search.SearchableChanged(KIND, row.id()));
        return Result.ok(views.view(repository.find(row.id()).orElseThrow()));
    }

    /** Changes the title and/or body of a draft; lead only (403 {@code not-lead}); 409 {@code text-frozen} once signing opened. */
    @Transactional
    public Result<StatementView> edit(String id, EditStatement request, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        if (views.status(row) != StatementStatus.DRAFT) {
            return Result.rejected(StatementRefusals.frozen());
        }
        String title = request.title() == null ? row.title() : request.title();
        String body = request.body() == null ? row.body() : request.body();
        var errors = textErrors(title, body, false);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.updateText(id, title.strip(), body.strip(), StatementMarkdown.toHtml(body.strip()), Instant.now(clock));
        events.publishEvent(new org.polylogue.shared.search.SearchableChanged(KIND, id));
        return Result.ok(views.view(repository.find(id).orElseThrow()));
    }

    /**
     * Opens signing now, until {@code closesAt} (null: until the lead closes it); the lead
     * organisation signs first. Refused: not the lead (403), the lead not verified (403
     * {@code not-verified}), already opened (409 {@code signing-opened}), a closing date in the past (400).
     */
    @Transactional
    public Result<StatementView> openSigning(String id, Instant closesAt, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
        }
        StatementRow found = asLead.orThrow();
        var lead = organizations.find(found.leadOrganizationId()).orElseThrow();
        var refused = permissions.refuseSignature(actor, lead);
        if (refused != null) {
            return Result.rejected(refused);
        }
        Instant now = Instant.now(clock);
        if (closesAt != null && !closesAt.isAfter(now)) {
            return Result.rejected(Refusal.invalid("closesAt", "must be in the future"));
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        if (row.signingOpenedAt() != null) {
            return Result.rejected(Refusal.conflict("signing-opened", "Signing was already opened for this statement."));
        }
        repository.openSigning(id, now, closesAt);
        repository.insertSignature(Ids.next(), id, lead.id(), actor.accountId(), now);
        signatures.stance(row, lead.id(), true, now);
        // no longer a draft: found by everyone from now on
        events.publishEvent(new org.polylogue.shared.search.SearchableChanged(KIND, id));
        return Result.ok(views.view(repository.find(id).orElseThrow()));
    }

    /** Closes signing for good; the text and the list are final. Lead only; 409 {@code signing-closed} if closed. */
    @Transactional
    public Result<StatementView> closeSigning(String id, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
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
            case OPEN -> repository.closeSigning(id, Instant.now(clock));
        }
        return Result.ok(views.view(repository.find(id).orElseThrow()));
    }

    // invitations (StatementInvitations) and signatures (StatementSignatures)

    /** Invites an organisation (lead only); inviting again changes nothing. Not possible once signing closed. */
    public Result<Invitation> invite(String id, String organizationId, Actor actor) {
        return invitations.invite(id, organizationId, actor);
    }

    /** The invited organisations and whether they signed; lead only. */
    public Result<List<Invitation>> invitations(String id, Actor actor) {
        return invitations.invitations(id, actor);
    }

    /** The shareable join path with its secret token; lead only. */
    public Result<String> joinPath(String id, Actor actor) {
        return invitations.joinPath(id, actor);
    }

    /** Signs for an organisation (see {@link StatementSignatures#sign}). */
    public Result<Signatory> sign(String id, String organizationId, Actor actor) {
        return signatures.sign(id, organizationId, actor);
    }

    /** Withdraws the organisation's current signature; it stays listed as withdrawn, dated. */
    public Result<Signatory> withdraw(String id, String organizationId, Actor actor) {
        return signatures.withdraw(id, organizationId, actor);
    }

    /** The statement as the actor may see it (drafts only for the lead's representatives and administrators). */
    public Optional<StatementView> find(String id, Actor actor) {
        return views.visible(id, actor).map(views::view);
    }

    /** The statement for whoever holds its join link, draft or not; empty for a wrong token. */
    public Optional<StatementView> findWithToken(String id, String token) {
        return repository.find(id)
                .filter(row -> token != null && java.security.MessageDigest.isEqual(row.joinToken().getBytes(),
                        token.getBytes()))
                .map(views::view);
    }

    /** Statements open or closed for signing, newest first. */
    public Paged<StatementView> published(PageRequest page) {
        var rows = repository.published(page.offset(), page.size());
        return new Paged<>(views.views(rows), page.page(), page.size(), repository.countPublished());
    }

    /** Drafts led by organisations the actor represents. */
    public List<StatementView> draftsOf(Actor actor) {
        if (actor == null) {
            return List.of();
        }
        return views.views(repository.draftsOf(organizations.representedBy(actor.accountId()).stream()
                .map(OrganizationView::id).toList()));
    }

    /** The organisations the actor represents (to offer as lead or signatory). */
    public List<OrganizationView> representedBy(Actor actor) {
        return actor == null ? List.of() : organizations.representedBy(actor.accountId());
    }

    /** Organisations by name, for the lead's invitation search. */
    public List<OrganizationView> searchOrganizations(String query) {
        return organizations.search(query, 20);
    }

    public boolean isLead(Actor actor, StatementView statement) {
        return permissions.isLead(actor, statement.lead().organizationId());
    }

    private record Link(String processId, String consultationId, String paragraphId) {}

    private Link link(DraftStatement request, List<Refusal.FieldMessage> errors) {
        String processSlug = StatementRefusals.blankToNull(request.processSlug());
        String consultationSlug = StatementRefusals.blankToNull(request.consultationSlug());
        String paragraphId = StatementRefusals.blankToNull(request.paragraphId());
        ProcessView process = null;
        if (processSlug != null) {
            process = processes.find(processSlug).orElse(null);
            if (process == null) {
                errors.add(new Refusal.FieldMessage("processSlug", "no process with this slug"));
            }
        }
        ConsultationView consultation = null;
        if (consultationSlug != null) {
            consultation = consultations.find(consultationSlug).orElse(null);
            if (consultation == null) {
                errors.add(new Refusal.FieldMessage("consultationSlug", "no consultation with this slug"));
            } else if (process != null && !consultation.processId().equals(process.id())) {
                errors.add(new Refusal.FieldMessage("consultationSlug", "is not a consultation of this process"));
            }
        }
        if (paragraphId != null) {
            if (consultationSlug == null) {
                errors.add(new Refusal.FieldMessage("paragraphId", "needs the consultation it belongs to"));
            } else if (consultation != null && drafts.paragraph(consultation.documentId(), paragraphId).isEmpty()) {
                errors.add(new Refusal.FieldMessage("paragraphId", "no paragraph with this id in the current draft"));
            }
        }
        String processId = process != null ? process.id() : consultation != null ? consultation.processId() : null;
        return new Link(processId, consultation == null ? null : consultation.id(), paragraphId);
    }

    private static List<Refusal.FieldMessage> textErrors(String title, String body, boolean required) {
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (t.isEmpty()) {
            errors.add(new Refusal.FieldMessage("title", "is empty; give the statement a title"));
        } else if (t.length() > DraftStatement.MAX_TITLE) {
            errors.add(new Refusal.FieldMessage("title", "is " + t.length() + " characters long; the limit is "
                    + DraftStatement.MAX_TITLE));
        }
        if (b.isEmpty()) {
            errors.add(new Refusal.FieldMessage("body", "is empty; write the text of the statement"));
        } else if (b.length() > DraftStatement.MAX_BODY) {
            errors.add(new Refusal.FieldMessage("body", "is " + b.length() + " characters long; the limit is "
                    + DraftStatement.MAX_BODY));
        }
        return errors;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}

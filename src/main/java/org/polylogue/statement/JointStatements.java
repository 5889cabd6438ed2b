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
    private final Moderation moderation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.polylogue.moderation.SpamGuard spamGuard;

    JointStatements(StatementRepository repository, StatementPermissions permissions, Organizations organizations,
            Processes processes, Consultations consultations, Drafts drafts, Moderation moderation,
            ApplicationEventPublisher events, Clock clock, org.polylogue.moderation.SpamGuard spamGuard) {
        this.spamGuard = spamGuard;
        this.repository = repository;
        this.permissions = permissions;
        this.organizations = organizations;
        this.processes = processes;
        this.consultations = consultations;
        this.drafts = drafts;
        this.moderation = moderation;
        this.events = events;
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
        String organizationId = blankToNull(request.organizationId());
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
        return Result.ok(view(repository.find(row.id()).orElseThrow()));
    }

    /** Changes the title and/or body of a draft; lead only (403 {@code not-lead}); 409 {@code text-frozen} once signing opened. */
    @Transactional
    public Result<StatementView> edit(String id, EditStatement request, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        if (status(row) != StatementStatus.DRAFT) {
            return Result.rejected(frozen());
        }
        String title = request.title() == null ? row.title() : request.title();
        String body = request.body() == null ? row.body() : request.body();
        var errors = textErrors(title, body, false);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.updateText(id, title.strip(), body.strip(), StatementMarkdown.toHtml(body.strip()), Instant.now(clock));
        return Result.ok(view(repository.find(id).orElseThrow()));
    }

    /**
     * Opens signing now, until {@code closesAt} (null: until the lead closes it); the lead
     * organisation signs first. Refused: not the lead (403), the lead not verified (403
     * {@code not-verified}), already opened (409 {@code signing-opened}), a closing date in the past (400).
     */
    @Transactional
    public Result<StatementView> openSigning(String id, Instant closesAt, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        var lead = organizations.find(found.get().leadOrganizationId()).orElseThrow();
        refused = permissions.refuseSignature(actor, lead);
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
        stance(row, lead.id(), true, now);
        return Result.ok(view(repository.find(id).orElseThrow()));
    }

    /** Closes signing for good; the text and the list are final. Lead only; 409 {@code signing-closed} if closed. */
    @Transactional
    public Result<StatementView> closeSigning(String id, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        repository.lock(id);
        var row = repository.find(id).orElseThrow();
        switch (status(row)) {
            case DRAFT -> {
                return Result.rejected(notOpen());
            }
            case CLOSED -> {
                return Result.rejected(closed());
            }
            case OPEN -> repository.closeSigning(id, Instant.now(clock));
        }
        return Result.ok(view(repository.find(id).orElseThrow()));
    }

    /** Invites an organisation (lead only); inviting again changes nothing. Not possible once signing closed. */
    @Transactional
    public Result<Invitation> invite(String id, String organizationId, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        var organization = organizationId == null ? Optional.<OrganizationView>empty()
                : organizations.find(organizationId.strip());
        if (organization.isEmpty()) {
            return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
        }
        if (organization.get().id().equals(found.get().leadOrganizationId())) {
            return Result.rejected(Refusal.invalid("organizationId", "is the lead organisation"));
        }
        if (status(found.get()) == StatementStatus.CLOSED) {
            return Result.rejected(closed());
        }
        repository.invite(id, organization.get().id(), actor.accountId(), Instant.now(clock));
        return Result.ok(invitations(id, actor).orThrow().stream()
                .filter(i -> i.organizationId().equals(organization.get().id())).findFirst().orElseThrow());
    }

    /** The invited organisations and whether they signed; lead only. */
    public Result<List<Invitation>> invitations(String id, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        var rows = repository.invitations(id);
        var signatures = repository.signatures(id);
        var orgs = organizations.find(rows.stream().map(StatementRepository.InvitationRow::organizationId).toList());
        return Result.ok(rows.stream().map(r -> {
            var o = orgs.get(r.organizationId());
            String state = "invited";
            for (var s : signatures) {
                if (s.organizationId().equals(r.organizationId())) {
                    state = s.withdrawnAt() == null ? "signed" : "withdrawn";
                }
            }
            return new Invitation(r.organizationId(), o == null ? "(unknown)" : o.name(), o != null && o.verified(),
                    r.invitedAt(), state);
        }).toList());
    }

    /** The shareable join path with its secret token; lead only. */
    public Result<String> joinPath(String id, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseLead(actor, found.get().leadOrganizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        return Result.ok("/statements/" + id + "/join?token=" + found.get().joinToken());
    }

    /**
     * Signs for an organisation. Refused: unknown statement (404), email not confirmed (403), not
     * its representative (403 {@code not-representative}), not verified (403 {@code not-verified}),
     * signing not opened (409 {@code signing-not-open}), closed (409 {@code signing-closed}), a
     * current signature already (409 {@code already-signed}).
     */
    @Transactional
    public Result<Signatory> sign(String id, String organizationId, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(StatementPermissions.EMAIL_NOT_CONFIRMED);
        }
        if (blankToNull(organizationId) == null) {
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
        switch (status(row)) {
            case DRAFT -> {
                return Result.rejected(notOpen());
            }
            case CLOSED -> {
                return Result.rejected(closed());
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
        return Result.ok(signatory(id, orgId, true));
    }

    /**
     * Withdraws the organisation's current signature; it stays listed as withdrawn, dated.
     * Refused: no current signature (404 {@code signature-not-found}), not its representative (403),
     * the lead organisation (409 {@code lead-signature}), signing closed (409 {@code signing-closed}).
     */
    @Transactional
    public Result<Signatory> withdraw(String id, String organizationId, Actor actor) {
        var found = visible(id, actor);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
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
        if (status(row) == StatementStatus.CLOSED) {
            return Result.rejected(closed());
        }
        Instant now = Instant.now(clock);
        repository.withdraw(id, organizationId, actor.accountId(), now);
        stance(row, organizationId, false, now);
        return Result.ok(signatory(id, organizationId, false));
    }

    /** The statement as the actor may see it (drafts only for the lead's representatives and administrators). */
    public Optional<StatementView> find(String id, Actor actor) {
        return visible(id, actor).map(this::view);
    }

    /** The statement for whoever holds its join link, draft or not; empty for a wrong token. */
    public Optional<StatementView> findWithToken(String id, String token) {
        return repository.find(id)
                .filter(row -> token != null && java.security.MessageDigest.isEqual(row.joinToken().getBytes(),
                        token.getBytes()))
                .map(this::view);
    }

    /** Statements open or closed for signing, newest first. */
    public Paged<StatementView> published(PageRequest page) {
        var rows = repository.published(page.offset(), page.size());
        return new Paged<>(views(rows), page.page(), page.size(), repository.countPublished());
    }

    /** Drafts led by organisations the actor represents. */
    public List<StatementView> draftsOf(Actor actor) {
        if (actor == null) {
            return List.of();
        }
        return views(repository.draftsOf(organizations.representedBy(actor.accountId()).stream()
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

    private Optional<StatementRow> visible(String id, Actor actor) {
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

    private void stance(StatementRow row, String organizationId, boolean signed, Instant at) {
        if (row.paragraphId() != null) {
            events.publishEvent(new StatementStanceRecorded(row.id(), row.consultationId(), row.paragraphId(),
                    organizationId, signed, at));
        }
    }

    private Signatory signatory(String id, String organizationId, boolean current) {
        var signatures = view(repository.find(id).orElseThrow()).signatures();
        return signatures.reversed().stream().filter(s -> s.organizationId().equals(organizationId))
                .filter(s -> s.current() == current).findFirst().orElseThrow();
    }

    private StatementView view(StatementRow row) {
        return views(List.of(row)).getFirst();
    }

    private List<StatementView> views(List<StatementRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(StatementRow::id).toList();
        var signatures = repository.signatures(ids);
        Set<String> orgIds = new HashSet<>();
        rows.forEach(r -> orgIds.add(r.leadOrganizationId()));
        signatures.forEach(s -> orgIds.add(s.organizationId()));
        var orgs = organizations.find(orgIds);
        var hidden = moderation.hidden(KIND, ids);
        Map<String, ProcessView> processById = new java.util.HashMap<>();
        if (rows.stream().anyMatch(r -> r.processId() != null)) {
            processes.all().forEach(p -> processById.put(p.id(), p));
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

    private static Signatory signatory(SignatureRow s, OrganizationView o, String leadId) {
        boolean lead = s.organizationId().equals(leadId);
        if (o == null) {
            return new Signatory(s.organizationId(), "(unknown)", false, null, null, null, null, s.signedAt(),
                    s.withdrawnAt(), lead);
        }
        return new Signatory(o.id(), o.name(), o.verified(), o.type(), o.country(), o.countryName(), o.regionalGroup(),
                s.signedAt(), s.withdrawnAt(), lead);
    }

    private record Link(String processId, String consultationId, String paragraphId) {}

    private Link link(DraftStatement request, List<Refusal.FieldMessage> errors) {
        String processSlug = blankToNull(request.processSlug());
        String consultationSlug = blankToNull(request.consultationSlug());
        String paragraphId = blankToNull(request.paragraphId());
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Refusal notFound() {
        return Refusal.notFound("statement-not-found", "There is no such statement.");
    }

    private static Refusal frozen() {
        return Refusal.conflict("text-frozen",
                "The text is frozen once signing opens, so that every signature covers the same text.");
    }

    private static Refusal notOpen() {
        return Refusal.conflict("signing-not-open", "Signing has not opened yet for this statement.");
    }

    private static Refusal closed() {
        return Refusal.conflict("signing-closed", "Signing is closed for this statement.");
    }
}

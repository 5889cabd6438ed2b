package org.polylogue.contribution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.polylogue.account.Accounts;
import org.polylogue.contribution.internal.CommentImport;
import org.polylogue.contribution.internal.CommentMarkdown;
import org.polylogue.contribution.internal.CommentModeration;
import org.polylogue.contribution.internal.CommentRepository;
import org.polylogue.contribution.internal.CommentRow;
import org.polylogue.contribution.internal.CommentViews;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.Drafts;
import org.polylogue.moderation.Moderation;
import org.polylogue.moderation.SpamGuard;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contribution module's front door: submit, list and import comments. */
@Service
public class Comments {

    private final CommentRepository repository;
    private final CommentViews views;
    private final CommentImport importer;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Organizations organizations;
    private final ContributionPermissions permissions;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SpamGuard spamGuard;
    private final Moderation moderation;

    Comments(CommentRepository repository, CommentViews views, CommentImport importer, Consultations consultations,
            Drafts drafts, Organizations organizations, ContributionPermissions permissions, Accounts accounts,
            ApplicationEventPublisher events, Clock clock, SpamGuard spamGuard, Moderation moderation) {
        this.spamGuard = spamGuard;
        this.moderation = moderation;
        this.accounts = accounts;
        this.repository = repository;
        this.views = views;
        this.importer = importer;
        this.consultations = consultations;
        this.drafts = drafts;
        this.organizations = organizations;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before contributing: open the link we mailed you, or ask for a new one on "
                    + "your account page (POST /api/v1/accounts/me/verification-mail).");

    /**
     * Publishes a comment at once. Refused: unknown consultation (404), outside the window (409
     * {@code consultation-closed}), email not confirmed (403), empty or over-long body, unknown
     * paragraph or organisation (400), an organisation the person does not represent (403).
     */
    @Transactional
    public Result<CommentView> submit(String consultationSlug, SubmitComment request, Actor actor) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        ConsultationView c = consultation.get();
        if (c.status() != ConsultationStatus.OPEN) {
            return Result.rejected(closed(c));
        }
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(EMAIL_NOT_CONFIRMED);
        }
        String body = request.body() == null ? "" : request.body().strip();
        if (body.isEmpty()) {
            return Result.rejected(Refusal.invalid("body", "is empty; write your comment"));
        }
        if (body.length() > SubmitComment.MAX_BODY) {
            return Result.rejected(Refusal.invalid("body", "is " + body.length() + " characters long; the limit is "
                    + SubmitComment.MAX_BODY));
        }
        if (request.paragraphId() != null && request.paragraphId().isBlank()) {
            return Result.rejected(Refusal.invalid("paragraphId",
                    "is empty; leave it out to comment on the whole document"));
        }
        if (request.organizationId() != null && request.organizationId().isBlank()) {
            return Result.rejected(Refusal.invalid("organizationId", "is empty; leave it out to speak for yourself"));
        }
        if (spamGuard.check(CommentModeration.KIND, c.processId(), actor.accountId(), body)
                instanceof Result.Rejected<Void> refused) {
            return Result.rejected(refused.refusal());
        }
        DocumentVersion version = drafts.currentVersion(c.documentId()).orElseThrow();
        Block paragraph = null;
        if (request.paragraphId() != null && !request.paragraphId().isBlank()) {
            paragraph = version.paragraphsById().get(request.paragraphId());
            if (paragraph == null) {
                return Result.rejected(Refusal.invalid("paragraphId", "no paragraph with this id in the current draft"));
            }
        }
        OrganizationView organization = null;
        if (request.organizationId() != null && !request.organizationId().isBlank()) {
            organization = organizations.find(request.organizationId()).orElse(null);
            if (organization == null) {
                return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
            }
            if (!permissions.canSpeakFor(actor, organization.id())) {
                return Result.rejected(Refusal.forbidden("not-representative",
                        "You do not represent this organisation, so you cannot comment in its name.", "organizationId"));
            }
        }
        var row = new CommentRow(Ids.next(), c.id(), paragraph == null ? null : paragraph.paragraphId(),
                version.number(), actor.accountId(), null, organization == null ? null : organization.id(), null,
                organization == null ? null : organization.type().name(),
                organization == null ? null : organization.country(), body, CommentMarkdown.toHtml(body), "platform",
                Instant.now(clock));
        repository.insert(row);
        events.publishEvent(new CommentSubmitted(row.id(), c.id(), row.paragraphId(), row.organizationId()));
        events.publishEvent(new SearchableChanged(CommentModeration.KIND, row.id()));
        spamGuard.afterPublished(CommentModeration.KIND, row.id(), c.processId(), actor.accountId(), body);
        repository.recordChange(c.id());
        Map<String, OrganizationView> orgs = organization == null ? Map.of() : Map.of(organization.id(), organization);
        return Result.ok(CommentViews.view(row, Map.of(actor.accountId(), accounts.publicNames(
                List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.displayName())), orgs,
                version.paragraphsById()));
    }

    /** Comments of a consultation: all, of one paragraph, or ({@code paragraphId} = "document") on the whole document. */
    public Result<Paged<CommentView>> list(String consultationSlug, String paragraphId, PageRequest page) {
        return list(consultationSlug, paragraphId, page, null);
    }

    /**
     * As {@link #list(String, String, PageRequest)}, as {@code viewer} sees them: the secretariat of
     * the process also sees who stands behind pseudonyms (null viewer: the public).
     */
    public Result<Paged<CommentView>> list(String consultationSlug, String paragraphId, PageRequest page,
            Actor viewer) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        var version = drafts.currentVersion(consultation.get().documentId()).orElseThrow();
        var scope = CommentRepository.Scope.ALL;
        if ("document".equals(paragraphId)) {
            scope = CommentRepository.Scope.DOCUMENT;
        } else if (paragraphId != null && !paragraphId.isBlank()) {
            if (!version.paragraphsById().containsKey(paragraphId)
                    && drafts.latestParagraph(consultation.get().documentId(), paragraphId).isEmpty()) {
                return Result.rejected(Refusal.invalid("paragraphId", "no paragraph with this id in the draft"));
            }
            scope = CommentRepository.Scope.PARAGRAPH;
        }
        String id = consultation.get().id();
        var rows = repository.page(id, scope, paragraphId, page.size(), page.offset());
        long total = repository.count(id, scope, paragraphId);
        boolean identities = permissions.canSeeIdentities(viewer, consultation.get());
        return Result.ok(new Paged<>(views.views(rows, version.paragraphsById(), identities), page.page(), page.size(),
                total));
    }

    /**
     * The newest comments of a consultation as the public sees them, newest first, at most
     * {@code limit}; comments hidden by the moderators are left out altogether (for feeds).
     */
    public Result<List<CommentView>> newest(String consultationSlug, int limit) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        var version = drafts.currentVersion(consultation.get().documentId()).orElseThrow();
        var rows = repository.newest(consultation.get().id(), limit * 2);
        return Result.ok(views.views(rows, version.paragraphsById(), false).stream()
                .filter(comment -> comment.hidden() == null).limit(limit).toList());
    }

    /**
     * Imports comments received by mail or on paper (JSON Lines), all or nothing: any bad line
     * refuses the whole file with every problem listed by line. Idempotent by {@code externalId}.
     */
    @Transactional
    public Result<ImportReport> importLines(String consultationSlug, String jsonLines, Actor actor) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        if (!permissions.canImport(actor, consultation.get())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process can import comments."));
        }
        var version = drafts.currentVersion(consultation.get().documentId()).orElseThrow();
        var result = importer.importLines(consultation.get(), version, jsonLines);
        if (result instanceof Result.Ok<ImportReport> ok && ok.value().imported() > 0) {
            repository.recordChange(consultation.get().id());
        }
        return result;
    }

    /** One comment of a consultation, as the public sees it. */
    public Result<CommentView> find(String consultationSlug, String commentId) {
        return find(consultationSlug, commentId, null);
    }

    /** One comment of a consultation, as {@code viewer} sees it (see {@link #list(String, String, PageRequest, Actor)}). */
    public Result<CommentView> find(String consultationSlug, String commentId, Actor viewer) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        var version = drafts.currentVersion(consultation.get().documentId()).orElseThrow();
        return repository.find(consultation.get().id(), commentId)
                .map(row -> Result.ok(views.views(java.util.List.of(row), version.paragraphsById(),
                        permissions.canSeeIdentities(viewer, consultation.get())).getFirst()))
                .orElseGet(() -> Result.rejected(Refusal.notFound("comment-not-found", "There is no such comment.")));
    }

    /**
     * The author corrects their comment while the consultation is open. The earlier text stays
     * readable as a revision, and the comment is marked as edited. Refused: not the author (403
     * {@code not-author}; imported comments have no author on the platform), window closed (409),
     * empty or over-long body (400), unknown consultation or comment (404).
     */
    @Transactional
    public Result<CommentView> edit(String consultationSlug, String commentId, String newBody, Actor actor) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        ConsultationView c = consultation.get();
        var row = repository.findForUpdate(c.id(), commentId);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("comment-not-found", "There is no such comment."));
        }
        if (!permissions.canEdit(actor, row.get().authorAccountId())) {
            return Result.rejected(Refusal.forbidden("not-author", "Only the author of a comment can change it."));
        }
        if (c.status() != ConsultationStatus.OPEN) {
            return Result.rejected(Refusal.conflict("consultation-closed",
                    "This consultation is closed; comments can no longer be changed."));
        }
        if (hidden(commentId)) {
            return Result.rejected(Refusal.conflict("comment-hidden",
                    "The moderators hid this comment; it cannot be changed while hidden. You can ask for a review."));
        }
        String body = newBody == null ? "" : newBody.strip();
        if (body.isEmpty()) {
            return Result.rejected(Refusal.invalid("body", "is empty; write your comment"));
        }
        if (body.length() > SubmitComment.MAX_BODY) {
            return Result.rejected(Refusal.invalid("body", "is " + body.length() + " characters long; the limit is "
                    + SubmitComment.MAX_BODY));
        }
        if (spamGuard.check(CommentModeration.KIND, c.processId(), actor.accountId(), body)
                instanceof Result.Rejected<Void> refused) {
            return Result.rejected(refused.refusal());
        }
        if (!body.equals(row.get().body())) {
            repository.replaceBody(row.get(), body, CommentMarkdown.toHtml(body), Instant.now(clock));
            repository.recordChange(c.id());
            events.publishEvent(new CommentEdited(commentId, c.id(), repository.revisions(commentId).size()));
            events.publishEvent(new SearchableChanged(CommentModeration.KIND, commentId));
        }
        return find(consultationSlug, commentId);
    }

    /**
     * Every public comment of a consultation (by id), oldest first, hidden ones left out; streamed in
     * batches so that a consultation of any size fits in memory one batch at a time.
     */
    public void forEachPublished(String consultationId, java.util.function.Consumer<PublishedComment> each) {
        List<CommentRow> batch = new java.util.ArrayList<>();
        Runnable flush = () -> {
            var hidden = moderation.hidden(CommentModeration.KIND, batch.stream().map(CommentRow::id).toList());
            for (CommentRow row : batch) {
                if (!hidden.containsKey(row.id())) {
                    each.accept(new PublishedComment(row.id(), row.paragraphId(), row.body(), row.authorAccountId(),
                            row.organizationId(), row.organizationName(), row.stakeholderGroup(), row.country(),
                            row.submittedAt()));
                }
            }
            batch.clear();
        };
        repository.forEach(consultationId, row -> {
            batch.add(row);
            if (batch.size() == 1_000) {
                flush.run();
            }
        });
        flush.run();
    }

    /** Whether the actor may change this comment (its author; imported comments have none on the platform). */
    public boolean canEdit(Actor actor, String consultationSlug, String commentId) {
        return consultations.find(consultationSlug)
                .flatMap(c -> repository.find(c.id(), commentId))
                .map(row -> permissions.canEdit(actor, row.authorAccountId()) && !hidden(row.id())).orElse(false);
    }

    /** Earlier texts of a comment, oldest first (empty if never edited). */
    public Result<List<CommentRevision>> revisions(String consultationSlug, String commentId) {
        return find(consultationSlug, commentId).map(comment -> comment.hidden() != null
                ? List.<CommentRevision>of() : repository.revisions(commentId).stream()
                .map(r -> new CommentRevision(r.revision(), r.body(), r.writtenAt(), r.replacedAt())).toList());
    }

    /** A person's own comments, newest first. */
    public Paged<CommentView> byAuthor(String accountId, PageRequest page) {
        var rows = repository.byAuthor(accountId, page.size(), page.offset());
        return new Paged<>(views.views(rows, Map.of()), page.page(), page.size(), repository.countByAuthor(accountId));
    }

    /**
     * The account that wrote a comment on the platform, to tell its author what became of it; empty
     * for imported comments and unknown ids. Never show it in public (pseudonyms).
     */
    public java.util.Optional<String> authorAccountId(String commentId) {
        return repository.findById(commentId).map(CommentRow::authorAccountId);
    }

    private boolean hidden(String commentId) {
        return !moderation.hidden(CommentModeration.KIND, List.of(commentId)).isEmpty();
    }

    static Refusal notFound(String slug) {
        return Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".");
    }

    static Refusal closed(ConsultationView c) {
        return Refusal.conflict("consultation-closed", c.status() == ConsultationStatus.UPCOMING
                ? "This consultation is not open yet; it opens at " + c.opensAt() + "."
                : "This consultation closed at " + c.closesAt() + "; comments are no longer accepted.");
    }
}

package org.polylogue.amendment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.account.Accounts;
import org.polylogue.amendment.internal.AmendmentRepository;
import org.polylogue.amendment.internal.AmendmentRepository.DispositionRow;
import org.polylogue.amendment.internal.AmendmentViews;
import org.polylogue.amendment.internal.DispositionMail;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat's dispositions of amendments and answers to comments, drafted and then published. */
@Component
class AmendmentDispositions {

    private final AmendmentRepository repository;
    private final AmendmentViews views;
    private final AmendmentPermissions permissions;
    private final Consultations consultations;
    private final Comments comments;
    private final Accounts accounts;
    private final DispositionMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AmendmentDispositions(AmendmentRepository repository, AmendmentViews views, AmendmentPermissions permissions,
            Consultations consultations, Comments comments, Accounts accounts, DispositionMail mail,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.views = views;
        this.permissions = permissions;
        this.consultations = consultations;
        this.comments = comments;
        this.accounts = accounts;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives (or changes) an amendment's disposition, as a draft. Refused: unknown amendment (404),
     * not the secretariat (403 {@code not-secretariat}), invalid fields (400: decision, a reason
     * except for ACCEPTED, {@code mergedInto} another amendment of the same consultation for MERGED).
     */
    @Transactional
    Result<AmendmentView> decide(String id, DisposeAmendment request, Actor actor) {
        var row = repository.findForUpdate(id);
        if (row.isEmpty()) {
            return Result.rejected(AmendmentRefusals.amendmentNotFound());
        }
        var consultation = consultations.findById(row.get().consultationId()).orElseThrow();
        if (!permissions.canDispose(actor, consultation)) {
            return Result.rejected(AmendmentPermissions.NOT_SECRETARIAT);
        }
        var decision = DispositionDecision.parse(request.decision());
        String reason = AmendmentRefusals.blankToNull(request.reason());
        String mergedInto = AmendmentRefusals.blankToNull(request.mergedInto());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (decision == null) {
            errors.add(new Refusal.FieldMessage("decision", "must be ACCEPTED, PARTIALLY_ACCEPTED, REJECTED or MERGED"));
        }
        if (reason == null && decision != null && decision != DispositionDecision.ACCEPTED) {
            errors.add(new Refusal.FieldMessage("reason", "is required: say why"));
        }
        if (reason != null && reason.length() > DisposeAmendment.MAX_REASON) {
            errors.add(new Refusal.FieldMessage("reason", "is " + reason.length() + " characters long; the limit is "
                    + DisposeAmendment.MAX_REASON));
        }
        if (decision == DispositionDecision.MERGED) {
            if (mergedInto == null) {
                errors.add(new Refusal.FieldMessage("mergedInto", "is required: the amendment it was merged into"));
            } else if (mergedInto.equals(id)) {
                errors.add(new Refusal.FieldMessage("mergedInto", "must be another amendment, not this one"));
            } else if (repository.find(mergedInto).filter(a -> a.consultationId().equals(consultation.id())).isEmpty()) {
                errors.add(new Refusal.FieldMessage("mergedInto", "no amendment with this id in this consultation"));
            }
        } else {
            mergedInto = null;
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.upsertDisposition(new DispositionRow(AmendmentViews.KIND, id, consultation.id(), decision.name(),
                reason, mergedInto, actor.accountId(), Instant.now(clock), null));
        events.publishEvent(new AmendmentDisposed(id, consultation.id(), decision.name()));
        events.publishEvent(new SearchableChanged(AmendmentViews.KIND, id));
        return Result.ok(views.views(consultation, List.of(row.get()), true).getFirst());
    }

    /**
     * Answers a comment (a draft until published). Refused: unknown consultation or comment (404),
     * not the secretariat (403), invalid response or missing reason (400).
     */
    @Transactional
    Result<DispositionView> respond(String slug, String commentId, DispositionForComment request, Actor actor) {
        var consultation = consultations.find(slug);
        if (consultation.isEmpty()) {
            return Result.rejected(AmendmentRefusals.consultationNotFound(slug));
        }
        if (!permissions.canDispose(actor, consultation.get())) {
            return Result.rejected(AmendmentPermissions.NOT_SECRETARIAT);
        }
        if (comments.find(slug, commentId) instanceof Result.Rejected<CommentView> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var response = DispositionResponse.parse(request.response());
        String reason = AmendmentRefusals.blankToNull(request.reason());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (response == null) {
            errors.add(new Refusal.FieldMessage("response",
                    "must be TAKEN_INTO_ACCOUNT, PARTLY_TAKEN_INTO_ACCOUNT, NOT_TAKEN or NO_CHANGE"));
        } else if (reason == null && response != DispositionResponse.TAKEN_INTO_ACCOUNT) {
            errors.add(new Refusal.FieldMessage("reason", "is required: say why"));
        }
        if (reason != null && reason.length() > DisposeAmendment.MAX_REASON) {
            errors.add(new Refusal.FieldMessage("reason", "is " + reason.length() + " characters long; the limit is "
                    + DisposeAmendment.MAX_REASON));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        var row = new DispositionRow("comment", commentId, consultation.get().id(), response.name(), reason, null,
                actor.accountId(), Instant.now(clock), null);
        repository.upsertDisposition(row);
        return Result.ok(AmendmentViews.disposition(row));
    }

    /**
     * Publishes every draft disposition of the consultation; each person whose inputs got one
     * receives one mail after commit. Refused: unknown consultation (404), not the secretariat
     * (403), no draft disposition (409 {@code nothing-to-publish}).
     */
    @Transactional
    Result<DispositionsPublished> publish(String slug, Actor actor) {
        var consultation = consultations.find(slug);
        if (consultation.isEmpty()) {
            return Result.rejected(AmendmentRefusals.consultationNotFound(slug));
        }
        if (!permissions.canDispose(actor, consultation.get())) {
            return Result.rejected(AmendmentPermissions.NOT_SECRETARIAT);
        }
        var published = repository.publish(consultation.get().id(), Instant.now(clock));
        if (published.isEmpty()) {
            return Result.rejected(Refusal.conflict("nothing-to-publish",
                    "There is no draft disposition to publish in this consultation."));
        }
        mailAuthors(consultation.get(), published);
        published.stream().filter(r -> r.inputKind().equals(AmendmentViews.KIND))
                .forEach(r -> events.publishEvent(new SearchableChanged(AmendmentViews.KIND, r.inputId())));
        var event = new DispositionsPublished(consultation.get().id(), published.size());
        events.publishEvent(event);
        return Result.ok(event);
    }

    private void mailAuthors(ConsultationView consultation, List<DispositionRow> published) {
        Map<String, List<DispositionMail.Line>> byAuthor = new LinkedHashMap<>();
        var amendmentIds = published.stream().filter(r -> r.inputKind().equals(AmendmentViews.KIND))
                .map(DispositionRow::inputId).toList();
        Map<String, AmendmentRepository.AmendmentRow> amendments = new java.util.HashMap<>();
        amendmentIds.forEach(id -> repository.find(id).ifPresent(a -> amendments.put(id, a)));
        for (DispositionRow row : published) {
            var view = AmendmentViews.disposition(row);
            if (row.inputKind().equals(AmendmentViews.KIND)) {
                var amendment = amendments.get(row.inputId());
                byAuthor.computeIfAbsent(amendment.authorAccountId(), k -> new ArrayList<>()).add(
                        new DispositionMail.Line("Your amendment (" + AmendmentKind.valueOf(amendment.kind()).label()
                                .toLowerCase(java.util.Locale.ROOT) + ")", view.label(), row.reason(),
                                "/consultations/" + consultation.slug() + "/amendments/" + row.inputId()));
            } else {
                comments.authorAccountId(row.inputId()).ifPresent(author -> byAuthor
                        .computeIfAbsent(author, k -> new ArrayList<>()).add(new DispositionMail.Line("Your comment",
                                view.label(), row.reason(),
                                "/consultations/" + consultation.slug() + "/comments/" + row.inputId())));
            }
        }
        byAuthor.forEach((accountId, lines) -> accounts.find(accountId).ifPresent(account -> mail.published(
                account.email(), account.displayName(), consultation.title(), consultation.slug(), lines)));
    }
}

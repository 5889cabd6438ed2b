package org.polylogue.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.internal.HiddenItems;
import org.polylogue.moderation.internal.ModerationMail;
import org.polylogue.moderation.internal.ModerationRepository;
import org.polylogue.moderation.internal.ModerationRepository.Hiding;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What moderators and authors do to one item: hide, dismiss its reports, ask for and decide a review. */
@Component
class ModerationDecisions {

    private final ModeratedItems items;
    private final HiddenItems hiddenItems;
    private final ModerationRepository repository;
    private final ModerationPermissions permissions;
    private final Processes processes;
    private final Accounts accounts;
    private final ModerationMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationDecisions(ModeratedItems items, HiddenItems hiddenItems, ModerationRepository repository,
            ModerationPermissions permissions, Processes processes, Accounts accounts, ModerationMail mail,
            ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.hiddenItems = hiddenItems;
        this.repository = repository;
        this.permissions = permissions;
        this.processes = processes;
        this.accounts = accounts;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A moderator of the item's process hides it under a current rule with a public reason. Its open
     * reports and flags are closed, the log records it, {@link ContentHidden} is published and the
     * author is told by mail. Refused: unknown item (404), not a moderator there (403), unknown or
     * retired rule or missing reason (400), already hidden (409).
     */
    @Transactional
    Result<LogEntry> hide(String kind, String id, HideItem request, Actor actor) {
        var moderatable = moderatable(kind, id, actor);
        if (moderatable instanceof Result.Rejected<ModeratedItem> refused) {
            return Result.rejected(refused.refusal());
        }
        ModeratedItem item = moderatable.orThrow();
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        var rule = request.ruleId() == null ? Optional.<ModerationRule>empty() : repository.rule(request.ruleId())
                .filter(r -> java.util.Objects.equals(r.processId(), item.processId()) && !r.retired());
        if (rule.isEmpty()) {
            errors.add(new Refusal.FieldMessage("ruleId", request.ruleId() == null || request.ruleId().isBlank()
                    ? "is required; choose the published rule the item breaks"
                    : "is not a current rule of this process"));
        }
        String reason = ModerationChecks.strip(request.reason());
        ModerationChecks.length(errors, "reason", reason, Moderation.MAX_REASON);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(item.kind() + ":" + item.id());
        if (!hiddenItems.find(item.kind(), List.of(item.id())).isEmpty()) {
            return Result.rejected(Refusal.conflict("already-hidden", "This is already hidden."));
        }
        Instant now = Instant.now(clock);
        repository.insertHiding(Ids.next(), item.kind(), item.id(), item.processId(), rule.get(), reason,
                actor.accountId(), now);
        repository.closeReportsAndFlags(item.kind(), item.id(), now);
        String logId = log(item, ModerationAction.HIDDEN, rule.get().id(), reason, actor.accountId(), now);
        events.publishEvent(new ContentHidden(item.kind(), item.id(), item.processId(), true));
        if (item.authorAccountId() != null) {
            accounts.find(item.authorAccountId()).ifPresent(author -> mail.hidden(author.email(), author.publicName(),
                    item.kind(), item.id(), item.title(), item.path(), rule.get().number() + ". " + rule.get().title(),
                    reason, scopeTitle(item.processId())));
        }
        return Result.ok(entry(logId, item, ModerationAction.HIDDEN, rule.get(), reason, actor, now));
    }

    /** A moderator closes an item's open reports and flags without hiding it; the public reason is logged. */
    @Transactional
    Result<LogEntry> dismiss(String kind, String id, DismissReports request, Actor actor) {
        var moderatable = moderatable(kind, id, actor);
        if (moderatable instanceof Result.Rejected<ModeratedItem> refused) {
            return Result.rejected(refused.refusal());
        }
        ModeratedItem item = moderatable.orThrow();
        String reason = ModerationChecks.strip(request.reason());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        ModerationChecks.length(errors, "reason", reason, Moderation.MAX_REASON);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(item.kind() + ":" + item.id());
        Instant now = Instant.now(clock);
        if (repository.closeReportsAndFlags(item.kind(), item.id(), now) == 0) {
            return Result.rejected(Refusal.conflict("nothing-to-dismiss", "There are no open reports on this."));
        }
        String logId = log(item, ModerationAction.DISMISSED, null, reason, actor.accountId(), now);
        return Result.ok(entry(logId, item, ModerationAction.DISMISSED, null, reason, actor, now));
    }

    /**
     * The author asks once per hiding for a review, with a statement (1–2,000 characters; it goes to
     * the moderators, not into the public log). Refused: unknown item (404), not the author (403),
     * not hidden (409 {@code not-hidden}), asked already (409 {@code review-already-requested}).
     */
    @Transactional
    Result<LogEntry> requestReview(String kind, String id, RequestReview request, Actor actor) {
        var found = items.item(kind, id);
        if (found.isEmpty()) {
            return Result.rejected(ModerationChecks.itemNotFound());
        }
        ModeratedItem item = found.get();
        if (!permissions.canRequestReview(actor, item)) {
            return Result.rejected(Refusal.forbidden("not-author", "Only the author can ask for a review."));
        }
        String statement = ModerationChecks.strip(request.statement());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        ModerationChecks.length(errors, "statement", statement, RequestReview.MAX_STATEMENT);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(item.kind() + ":" + item.id());
        var hiding = repository.currentHiding(item.kind(), item.id());
        if (hiding.isEmpty()) {
            return Result.rejected(Refusal.conflict("not-hidden", "This is not hidden, so there is nothing to review."));
        }
        if (hiding.get().reviewRequested()) {
            return Result.rejected(Refusal.conflict("review-already-requested",
                    "You have already asked for a review of this hiding; a review is given once."));
        }
        Instant now = Instant.now(clock);
        repository.requestReview(hiding.get().id(), statement, now);
        var rule = repository.rule(hiding.get().ruleId()).orElseThrow();
        String logId = log(item, ModerationAction.REVIEW_REQUESTED, rule.id(), null, null, now);
        return Result.ok(entry(logId, item, ModerationAction.REVIEW_REQUESTED, rule, null, null, now));
    }

    /** Whether the author has asked for a review of the hiding in force (false when not hidden). */
    boolean reviewRequested(String kind, String id) {
        return repository.currentHiding(kind, id).map(Hiding::reviewRequested).orElse(false);
    }

    /**
     * A moderator decides the review the author asked for: {@code KEEP} hidden or {@code RESTORE} it.
     * Refused: unknown item (404), not a moderator there (403), bad decision or missing reason (400),
     * no review waiting (409 {@code no-review-requested}).
     */
    @Transactional
    Result<LogEntry> review(String kind, String id, DecideReview request, Actor actor) {
        var moderatable = moderatable(kind, id, actor);
        if (moderatable instanceof Result.Rejected<ModeratedItem> refused) {
            return Result.rejected(refused.refusal());
        }
        ModeratedItem item = moderatable.orThrow();
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        String decision = request.decision() == null ? "" : request.decision().strip();
        if (!decision.equals("KEEP") && !decision.equals("RESTORE")) {
            errors.add(new Refusal.FieldMessage("decision", "must be KEEP or RESTORE"));
        }
        String reason = ModerationChecks.strip(request.reason());
        ModerationChecks.length(errors, "reason", reason, Moderation.MAX_REASON);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(item.kind() + ":" + item.id());
        var hiding = repository.currentHiding(item.kind(), item.id())
                .filter(h -> h.reviewRequested() && !h.reviewed());
        if (hiding.isEmpty()) {
            return Result.rejected(Refusal.conflict("no-review-requested",
                    "No review of this is waiting: the author has not asked for one, or it was decided."));
        }
        Instant now = Instant.now(clock);
        repository.decideReview(hiding.get(), decision, reason, actor.accountId(), now);
        boolean restore = decision.equals("RESTORE");
        var action = restore ? ModerationAction.RESTORED : ModerationAction.KEPT;
        var rule = repository.rule(hiding.get().ruleId()).orElseThrow();
        String logId = log(item, action, rule.id(), reason, actor.accountId(), now);
        if (restore) {
            events.publishEvent(new ContentHidden(item.kind(), item.id(), item.processId(), false));
        }
        if (item.authorAccountId() != null) {
            accounts.find(item.authorAccountId()).ifPresent(author -> mail.reviewed(author.email(),
                    author.publicName(), item.kind(), item.title(), item.path(), restore, reason));
        }
        return Result.ok(entry(logId, item, action, rule, reason, actor, now));
    }

    /** The item, when it exists and the actor moderates its process. */
    private Result<ModeratedItem> moderatable(String kind, String id, Actor actor) {
        var found = items.item(kind, id);
        if (found.isEmpty()) {
            return Result.rejected(ModerationChecks.itemNotFound());
        }
        if (!permissions.canModerate(actor, found.get().processId())) {
            return Result.rejected(ModerationChecks.notModerator(null));
        }
        return Result.ok(found.get());
    }

    private String log(ModeratedItem item, ModerationAction action, String ruleId, String reason, String actorId,
            Instant at) {
        String id = Ids.next();
        repository.log(id, item.processId(), item.kind(), item.id(), item.title(), item.path(), action, ruleId, reason,
                actorId, at);
        return id;
    }

    private LogEntry entry(String id, ModeratedItem item, ModerationAction action, ModerationRule rule, String reason,
            Actor actor, Instant at) {
        String moderator = actor == null ? null
                : accounts.publicNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.displayName());
        return new LogEntry(id, action, item.kind(), item.id(), item.title(), item.path(),
                rule == null ? null : rule.number(), rule == null ? null : rule.title(), reason, moderator, at);
    }

    private String scopeTitle(String processId) {
        if (processId == null) {
            return "Polylogue";
        }
        return processes.findById(processId).map(p -> p.title())
                .orElse("the process");
    }

}

package org.polylogue.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.internal.HiddenItems;
import org.polylogue.moderation.internal.ModerationRepository;
import org.polylogue.moderation.internal.ModerationRepository.Hiding;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation module's front door: published rules, reports, the moderators' queue, hiding with a
 * public reason, one review on the author's request, and the public log. Content is never changed
 * or deleted: its module shows the {@link HiddenNotice} in its place while it is hidden.
 */
@Service
public class Moderation {

    static final int MAX_REASON = 1000;

    private final HiddenItems hiddenItems;
    private final ModerationRepository repository;
    private final ModerationPermissions permissions;
    private final ModeratedItems items;
    private final ModerationDecisions decisions;
    private final Processes processes;
    private final Accounts accounts;
    private final Clock clock;

    Moderation(HiddenItems hiddenItems, ModerationRepository repository, ModerationPermissions permissions,
            ModeratedItems items, ModerationDecisions decisions, Processes processes, Accounts accounts, Clock clock) {
        this.hiddenItems = hiddenItems;
        this.repository = repository;
        this.permissions = permissions;
        this.items = items;
        this.decisions = decisions;
        this.processes = processes;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Which of these items of a kind are hidden now, with the notice to show instead; others are absent. */
    public Map<String, HiddenNotice> hidden(String kind, Collection<String> ids) {
        return hiddenItems.find(kind, ids);
    }

    /** The moderation scope of a process, or empty when there is no such process. */
    public Optional<ModerationScope> scope(String processSlug) {
        return processes.find(processSlug).map(p -> new ModerationScope(p.id(), p.slug(), p.title()));
    }

    /** The scope whose moderators decide on the item. */
    public ModerationScope scopeOf(ModeratedItem item) {
        if (item.processId() == null) {
            return ModerationScope.PLATFORM;
        }
        return processes.findById(item.processId()).map(p -> new ModerationScope(p.id(), p.slug(), p.title()))
                .orElse(ModerationScope.PLATFORM);
    }

    /** An item of a kind, or empty when the kind or the item is unknown. */
    public Optional<ModeratedItem> item(String kind, String id) {
        return items.item(kind, id);
    }

    public boolean canModerate(Actor actor, ModerationScope scope) {
        return permissions.canModerate(actor, scope.processId());
    }

    public boolean canManageRules(Actor actor, ModerationScope scope) {
        return permissions.canManageRules(actor, scope.processId());
    }

    // rules

    /** Every rule of the scope, current and retired, by number. */
    public List<ModerationRule> rules(ModerationScope scope) {
        return repository.rules(scope.processId());
    }

    /** The secretariat (administrators for the platform) publishes a rule; it gets the next number. */
    @Transactional
    public Result<ModerationRule> publishRule(ModerationScope scope, PublishRule rule, Actor actor) {
        if (!permissions.canManageRules(actor, scope.processId())) {
            return Result.rejected(Refusal.forbidden("not-secretariat", scope.platform()
                    ? "Only platform administrators publish the platform's rules."
                    : "Only the secretariat of this process publishes its moderation rules."));
        }
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        String title = ModerationChecks.strip(rule.title());
        String description = ModerationChecks.strip(rule.description());
        ModerationChecks.length(errors, "title", title, PublishRule.MAX_TITLE);
        ModerationChecks.length(errors, "description", description, PublishRule.MAX_DESCRIPTION);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock("rules:" + scope.processId());
        String id = Ids.next();
        repository.insertRule(id, scope.processId(), repository.nextRuleNumber(scope.processId()), title, description,
                actor.accountId(), Instant.now(clock));
        return Result.ok(repository.rule(id).orElseThrow());
    }

    /** Retires a rule: it serves for no new hiding; items hidden under it keep it. */
    @Transactional
    public Result<ModerationRule> retireRule(ModerationScope scope, String ruleId, Actor actor) {
        if (!permissions.canManageRules(actor, scope.processId())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process retires its moderation rules."));
        }
        var rule = repository.rule(ruleId == null ? "" : ruleId)
                .filter(r -> java.util.Objects.equals(r.processId(), scope.processId()));
        if (rule.isEmpty()) {
            return Result.rejected(Refusal.notFound("rule-not-found", "There is no such rule here."));
        }
        if (rule.get().retired()) {
            return Result.rejected(Refusal.conflict("rule-retired", "This rule is already retired."));
        }
        repository.retireRule(ruleId, actor.accountId(), Instant.now(clock));
        return Result.ok(repository.rule(ruleId).orElseThrow());
    }

    // reports

    /**
     * Anyone signed in reports an item. Refused: unknown kind or item (404), reason empty or over
     * 1,000 characters (400), an open report of the same person on the item (409).
     */
    @Transactional
    public Result<ReportView> report(ReportItem report, Actor actor) {
        var item = item(report.kind(), report.id());
        if (item.isEmpty()) {
            return Result.rejected(ModerationChecks.itemNotFound());
        }
        String reason = ModerationChecks.strip(report.reason());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        ModerationChecks.length(errors, "reason", reason, ReportItem.MAX_REASON);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(item.get().kind() + ":" + item.get().id());
        if (repository.hasOpenReport(item.get().kind(), item.get().id(), actor.accountId())) {
            return Result.rejected(Refusal.conflict("already-reported",
                    "You have already reported this; the moderators have not looked at it yet."));
        }
        String id = Ids.next();
        Instant now = Instant.now(clock);
        repository.insertReport(id, item.get().kind(), item.get().id(), item.get().processId(), actor.accountId(),
                reason, now);
        return Result.ok(new ReportView(id, item.get().kind(), item.get().id(), reason, now));
    }

    // queue

    /** Items with open reports or flags, and review requests, oldest first. Moderators of the scope only. */
    public Result<List<QueueItem>> queue(ModerationScope scope, Actor actor) {
        if (!permissions.canModerate(actor, scope.processId())) {
            return Result.rejected(ModerationChecks.notModerator(scope));
        }
        record Key(String kind, String id) {}
        Map<Key, List<ModerationRepository.Open>> open = new LinkedHashMap<>();
        for (var row : repository.open(scope.processId())) {
            open.computeIfAbsent(new Key(row.kind(), row.itemId()), k -> new ArrayList<>()).add(row);
        }
        Map<Key, Hiding> reviews = new LinkedHashMap<>();
        for (var hiding : repository.pendingReviews(scope.processId())) {
            reviews.put(new Key(hiding.kind(), hiding.itemId()), hiding);
        }
        Set<Key> keys = new java.util.LinkedHashSet<>(reviews.keySet());
        keys.addAll(open.keySet());
        Set<String> moderators = new HashSet<>();
        reviews.values().forEach(h -> moderators.add(h.hiddenBy()));
        Map<String, String> names = accounts.publicNames(moderators);
        List<QueueItem> items = new ArrayList<>();
        for (Key key : keys) {
            var item = item(key.kind(), key.id());
            if (item.isEmpty()) {
                continue;
            }
            var rows = open.getOrDefault(key, List.of());
            List<String> reasons = rows.stream().filter(r -> !r.flag()).map(ModerationRepository.Open::reason).toList();
            List<String> flags = rows.stream().filter(ModerationRepository.Open::flag)
                    .map(ModerationRepository.Open::reason).toList();
            Hiding review = reviews.get(key);
            Instant since = review != null ? review.reviewRequestedAt() : rows.getFirst().at();
            items.add(new QueueItem(item.get(), reasons.size(), reasons, flags,
                    hidden(key.kind(), List.of(key.id())).get(key.id()),
                    review == null ? null : new QueueItem.Review(review.reviewStatement(), review.reviewRequestedAt(),
                            names.get(review.hiddenBy())),
                    since));
        }
        return Result.ok(items);
    }

    // actions on one item (ModerationDecisions)

    /**
     * A moderator of the item's process hides it under a current rule with a public reason. Its open
     * reports and flags are closed, the log records it, {@link ContentHidden} is published and the
     * author is told by mail. Refused: unknown item (404), not a moderator there (403), unknown or
     * retired rule or missing reason (400), already hidden (409).
     */
    public Result<LogEntry> hide(String kind, String id, HideItem request, Actor actor) {
        return decisions.hide(kind, id, request, actor);
    }

    /** A moderator closes an item's open reports and flags without hiding it; the public reason is logged. */
    public Result<LogEntry> dismiss(String kind, String id, DismissReports request, Actor actor) {
        return decisions.dismiss(kind, id, request, actor);
    }

    /** The author asks once per hiding for a review (see {@link ModerationDecisions#requestReview}). */
    public Result<LogEntry> requestReview(String kind, String id, RequestReview request, Actor actor) {
        return decisions.requestReview(kind, id, request, actor);
    }

    /** Whether the author has asked for a review of the hiding in force (false when not hidden). */
    public boolean reviewRequested(String kind, String id) {
        return decisions.reviewRequested(kind, id);
    }

    /** A moderator decides the review: {@code KEEP} hidden or {@code RESTORE} it. */
    public Result<LogEntry> review(String kind, String id, DecideReview request, Actor actor) {
        return decisions.review(kind, id, request, actor);
    }

    // log

    /** One page of the public log of a scope, newest first. */
    public ModerationLog log(ModerationScope scope, PageRequest page) {
        var rows = repository.logPage(scope.processId(), page.size(), page.offset());
        Set<String> actors = new HashSet<>();
        rows.forEach(r -> {
            if (r.actorId() != null) {
                actors.add(r.actorId());
            }
        });
        Map<String, String> names = accounts.publicNames(actors);
        var entries = rows.stream().map(r -> new LogEntry(r.id(), r.action(), r.kind(), r.itemId(), r.title(), r.path(),
                r.ruleNumber(), r.ruleTitle(), r.reason(), r.actorId() == null ? null
                        : names.getOrDefault(r.actorId(), "(unknown)"), r.at())).toList();
        return new ModerationLog(scope, rules(scope), entries, page.page(), page.size(),
                repository.logCount(scope.processId()));
    }
}

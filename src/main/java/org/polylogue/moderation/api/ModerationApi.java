package org.polylogue.moderation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.polylogue.moderation.DecideReview;
import org.polylogue.moderation.DismissReports;
import org.polylogue.moderation.HideItem;
import org.polylogue.moderation.LogEntry;
import org.polylogue.moderation.Moderation;
import org.polylogue.moderation.ModerationRule;
import org.polylogue.moderation.ModerationScope;
import org.polylogue.moderation.PublishRule;
import org.polylogue.moderation.QueueItem;
import org.polylogue.moderation.ReportItem;
import org.polylogue.moderation.ReportView;
import org.polylogue.moderation.RequestReview;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Moderation", description = "Published rules, reports, the moderators' queue and decisions, review requests, and the public moderation log")
@RestController
class ModerationApi {

    private static final String PROCESS = "/api/v1/processes/{slug}";

    private final Moderation moderation;

    ModerationApi(Moderation moderation) {
        this.moderation = moderation;
    }

    /** A page of the log, as the usual paged list. */
    record LogJson(List<LogEntry> items, int page, int size, long total) {}

    // rules

    @GetMapping(PROCESS + "/moderation-rules")
    @PublicEndpoint("moderation rules are published so that everyone knows them")
    @Operation(operationId = "moderationRules", summary = "The moderation rules of a process",
            description = "The published rules, numbered; retired rules stay listed with their retirement date.")
    List<ModerationRule> rules(@PathVariable String slug) {
        return moderation.rules(scope(slug));
    }

    @PostMapping(PROCESS + "/moderation-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "moderationPublish", summary = "Publish a moderation rule for a process",
            description = "By the secretariat of the process or an administrator.")
    ResponseEntity<ModerationRule> publish(@PathVariable String slug, @RequestBody PublishRule rule, Actor actor) {
        var published = moderation.publishRule(scope(slug), rule, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + slug + "/moderation-rules")).body(published);
    }

    @PostMapping(PROCESS + "/moderation-rules/{ruleId}/retirement")
    @RequiresSignIn
    @Operation(operationId = "moderationRetire", summary = "Retire a moderation rule of a process",
            description = "The rule stays listed as retired; items hidden under it keep it.")
    ModerationRule retire(@PathVariable String slug, @PathVariable String ruleId, Actor actor) {
        return moderation.retireRule(scope(slug), ruleId, actor).orThrow();
    }

    @GetMapping("/api/v1/moderation-rules")
    @PublicEndpoint("the platform's moderation rules are published so that everyone knows them")
    @Operation(operationId = "moderationPlatformRules", summary = "The platform's moderation rules",
            description = "Rules for content outside any process.")
    List<ModerationRule> platformRules() {
        return moderation.rules(ModerationScope.PLATFORM);
    }

    @PostMapping("/api/v1/moderation-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "moderationPublishPlatform", summary = "Publish a platform moderation rule",
            description = "Administrators only.")
    ResponseEntity<ModerationRule> publishPlatform(@RequestBody PublishRule rule, Actor actor) {
        var published = moderation.publishRule(ModerationScope.PLATFORM, rule, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/moderation-rules")).body(published);
    }

    @PostMapping("/api/v1/moderation-rules/{ruleId}/retirement")
    @RequiresSignIn
    @Operation(operationId = "moderationRetirePlatform", summary = "Retire a platform moderation rule",
            description = "Administrators only.")
    ModerationRule retirePlatform(@PathVariable String ruleId, Actor actor) {
        return moderation.retireRule(ModerationScope.PLATFORM, ruleId, actor).orThrow();
    }

    // queue and log

    @GetMapping(PROCESS + "/moderation-queue")
    @RequiresSignIn
    @Operation(operationId = "moderationQueue", summary = "The moderation queue of a process",
            description = "Reported and flagged items waiting for a decision; for the moderators and secretariat of the process.")
    List<QueueItem> queue(@PathVariable String slug, Actor actor) {
        return moderation.queue(scope(slug), actor).orThrow();
    }

    @GetMapping("/api/v1/moderation-queue")
    @RequiresSignIn
    @Operation(operationId = "moderationPlatformQueue", summary = "The platform moderation queue",
            description = "Reported and flagged items outside any process; administrators only.")
    List<QueueItem> platformQueue(Actor actor) {
        return moderation.queue(ModerationScope.PLATFORM, actor).orThrow();
    }

    @GetMapping(PROCESS + "/moderation-log")
    @PublicEndpoint("every moderation action is public; reporters never appear")
    @Operation(operationId = "moderationLog", summary = "The moderation log of a process",
            description = "Every action of its moderators, newest first, paged; reporters never appear.")
    LogJson log(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var log = moderation.log(scope(slug), Paging.of(page, size));
        return new LogJson(log.items(), log.page(), log.size(), log.total());
    }

    @GetMapping("/api/v1/moderation-log")
    @PublicEndpoint("every moderation action is public; reporters never appear")
    @Operation(operationId = "moderationPlatformLog", summary = "The platform moderation log",
            description = "Every action of the platform moderators, newest first, paged.")
    LogJson platformLog(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var log = moderation.log(ModerationScope.PLATFORM, Paging.of(page, size));
        return new LogJson(log.items(), log.page(), log.size(), log.total());
    }

    // reports and actions

    @PostMapping("/api/v1/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.REPORT_PER_ACCOUNT)
    @Operation(operationId = "moderationReport", summary = "Report an item to the moderators",
            description = "A comment, submission or statement, with a reason; reporters are never shown publicly. Rate-limited.")
    ResponseEntity<ReportView> report(@RequestBody ReportItem report, Actor actor) {
        return ResponseEntity.status(201).body(moderation.report(report, actor).orThrow());
    }

    @PostMapping("/api/v1/moderation/{kind}/{id}/hide")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "moderationHide", summary = "Hide an item",
            description = "A moderator hides the item under a current rule with a public reason; its page shows the notice instead and its author is told by mail.")
    ResponseEntity<LogEntry> hide(@PathVariable String kind, @PathVariable String id, @RequestBody HideItem request,
            Actor actor) {
        return ResponseEntity.status(201).body(moderation.hide(kind, id, request, actor).orThrow());
    }

    @PostMapping("/api/v1/moderation/{kind}/{id}/dismiss")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "moderationDismiss", summary = "Dismiss the reports on an item",
            description = "A moderator closes the open reports and flags without hiding it; the public reason is logged.")
    ResponseEntity<LogEntry> dismiss(@PathVariable String kind, @PathVariable String id,
            @RequestBody DismissReports request, Actor actor) {
        return ResponseEntity.status(201).body(moderation.dismiss(kind, id, request, actor).orThrow());
    }

    @PostMapping("/api/v1/moderation/{kind}/{id}/review-request")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.REPORT_PER_ACCOUNT)
    @Operation(operationId = "moderationRequestReview", summary = "Ask for a review of a hiding",
            description = "The author of a hidden item asks once for another look, with a statement.")
    ResponseEntity<LogEntry> requestReview(@PathVariable String kind, @PathVariable String id,
            @RequestBody RequestReview request, Actor actor) {
        return ResponseEntity.status(201).body(moderation.requestReview(kind, id, request, actor).orThrow());
    }

    @PostMapping("/api/v1/moderation/{kind}/{id}/review")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "moderationReview", summary = "Decide a review request",
            description = "A moderator keeps the item hidden (`KEEP`) or shows it again (`RESTORE`), with a reason.")
    ResponseEntity<LogEntry> review(@PathVariable String kind, @PathVariable String id,
            @RequestBody DecideReview request, Actor actor) {
        return ResponseEntity.status(201).body(moderation.review(kind, id, request, actor).orThrow());
    }

    private ModerationScope scope(String slug) {
        return moderation.scope(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no process " + slug + ".")));
    }
}

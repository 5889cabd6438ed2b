package org.polylogue.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.polylogue.moderation.DecideReview;
import org.polylogue.moderation.DismissReports;
import org.polylogue.moderation.HideItem;
import org.polylogue.moderation.LogEntry;
import org.polylogue.moderation.ModeratedItem;
import org.polylogue.moderation.Moderation;
import org.polylogue.moderation.ModerationRule;
import org.polylogue.moderation.ModerationScope;
import org.polylogue.moderation.PublishRule;
import org.polylogue.moderation.ReportItem;
import org.polylogue.moderation.ReportView;
import org.polylogue.moderation.RequestReview;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.polylogue.shared.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public rules and log of a process (or of the platform), the moderators' queue, reports and review requests. */
@Controller
class ModerationPages {

    private static final int PAGE_SIZE = 50;

    private final Moderation moderation;
    private final RateLimiter rateLimiter;

    ModerationPages(Moderation moderation, RateLimiter rateLimiter) {
        this.moderation = moderation;
        this.rateLimiter = rateLimiter;
    }

    // the public page: rules and log

    @GetMapping("/processes/{slug}/moderation")
    @PublicEndpoint("moderation rules and the moderation log are public")
    String processPage(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Actor actor,
            Model model) {
        return page(scope(slug), page, actor, model, FormState.none());
    }

    @GetMapping("/moderation")
    @PublicEndpoint("the platform's moderation rules and log are public")
    String platformPage(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        return page(ModerationScope.PLATFORM, page, actor, model, FormState.none());
    }

    @PostMapping("/processes/{slug}/moderation/rules")
    @RequiresSignIn
    String publish(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return publish(scope(slug), title, description, actor, model, response, redirect);
    }

    @PostMapping("/moderation/rules")
    @RequiresSignIn
    String publishPlatform(@RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return publish(ModerationScope.PLATFORM, title, description, actor, model, response, redirect);
    }

    @PostMapping("/processes/{slug}/moderation/rules/{ruleId}/retire")
    @RequiresSignIn
    String retire(@PathVariable String slug, @PathVariable String ruleId, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return retire(scope(slug), ruleId, actor, model, response, redirect);
    }

    @PostMapping("/moderation/rules/{ruleId}/retire")
    @RequiresSignIn
    String retirePlatform(@PathVariable String ruleId, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return retire(ModerationScope.PLATFORM, ruleId, actor, model, response, redirect);
    }

    private String publish(ModerationScope scope, String title, String description, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (moderation.publishRule(scope, new PublishRule(title, description), actor)) {
            case Result.Ok<ModerationRule> ok -> {
                redirect.addFlashAttribute("message", "Rule " + ok.value().number() + " was published.");
                return "redirect:" + scope.base() + "#rule-" + ok.value().number();
            }
            case Result.Rejected<ModerationRule> rejected -> {
                response.setStatus(422);
                return page(scope, 0, actor, model, new FormState("publish", refused(rejected.refusal()),
                        Map.of("title", title, "description", description)));
            }
        }
    }

    private String retire(ModerationScope scope, String ruleId, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (moderation.retireRule(scope, ruleId, actor)) {
            case Result.Ok<ModerationRule> ok -> {
                redirect.addFlashAttribute("message", "Rule " + ok.value().number() + " was retired.");
                return "redirect:" + scope.base() + "#rule-" + ok.value().number();
            }
            case Result.Rejected<ModerationRule> rejected -> {
                response.setStatus(409);
                return page(scope, 0, actor, model, new FormState("retire-" + ruleId, refused(rejected.refusal()),
                        Map.of()));
            }
        }
    }

    private String page(ModerationScope scope, int page, Actor actor, Model model, FormState form) {
        model.addAttribute("log", moderation.log(scope, Paging.forPages(page, PAGE_SIZE)));
        model.addAttribute("canManageRules", moderation.canManageRules(actor, scope));
        model.addAttribute("canModerate", moderation.canModerate(actor, scope));
        model.addAttribute("form", form);
        return "moderation/moderation";
    }

    // the queue

    @GetMapping("/processes/{slug}/moderation/queue")
    @RequiresSignIn
    String processQueue(@PathVariable String slug, Actor actor, Model model) {
        return queue(scope(slug), actor, model, FormState.none());
    }

    @GetMapping("/moderation/queue")
    @RequiresSignIn
    String platformQueue(Actor actor, Model model) {
        return queue(ModerationScope.PLATFORM, actor, model, FormState.none());
    }

    private String queue(ModerationScope scope, Actor actor, Model model, FormState form) {
        var items = moderation.queue(scope, actor);
        if (items instanceof Result.Rejected<?> rejected) {
            throw new AccessDeniedException(rejected.refusal().title());
        }
        model.addAttribute("scope", scope);
        model.addAttribute("items", items.orThrow());
        model.addAttribute("rules", moderation.rules(scope).stream().filter(r -> !r.retired()).toList());
        model.addAttribute("form", form);
        return "moderation/queue";
    }

    @PostMapping("/moderation/{kind}/{id}/hide")
    @RequiresSignIn
    String hide(@PathVariable String kind, @PathVariable String id, @RequestParam(defaultValue = "") String ruleId,
            @RequestParam(defaultValue = "") String reason, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var item = item(kind, id);
        return acted(item, "hide", moderation.hide(kind, id, new HideItem(ruleId, reason), actor),
                Map.of("ruleId", ruleId, "reason", reason), actor, model, response, redirect);
    }

    @PostMapping("/moderation/{kind}/{id}/dismiss")
    @RequiresSignIn
    String dismiss(@PathVariable String kind, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var item = item(kind, id);
        return acted(item, "dismiss", moderation.dismiss(kind, id, new DismissReports(reason), actor),
                Map.of("reason", reason), actor, model, response, redirect);
    }

    @PostMapping("/moderation/{kind}/{id}/review")
    @RequiresSignIn
    String review(@PathVariable String kind, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reason, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var item = item(kind, id);
        return acted(item, "review", moderation.review(kind, id, new DecideReview(decision, reason), actor),
                Map.of("decision", decision, "reason", reason), actor, model, response, redirect);
    }

    private String acted(ModeratedItem item, String action, Result<LogEntry> result, Map<String, String> typed,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var scope = moderation.scopeOf(item);
        switch (result) {
            case Result.Ok<LogEntry> ok -> {
                redirect.addFlashAttribute("message", ok.value().action().label() + ": " + item.title() + ".");
                return "redirect:" + scope.base() + "/queue";
            }
            case Result.Rejected<LogEntry> rejected -> {
                var errors = refused(rejected.refusal());
                response.setStatus(rejected.refusal().kind() == Refusal.Kind.CONFLICT ? 409 : 422);
                return queue(scope, actor, model,
                        new FormState(action + "-" + item.kind() + "-" + item.id(), errors, typed));
            }
        }
    }

    // reports

    @GetMapping("/report")
    @RequiresSignIn
    String reportForm(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "false") boolean sent, Model model) {
        model.addAttribute("item", item(kind, id));
        model.addAttribute("sent", sent);
        model.addAttribute("reason", "");
        model.addAttribute("errors", FormErrors.none());
        return "moderation/report";
    }

    @PostMapping("/report")
    @RequiresSignIn
    String report(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String reason, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var item = item(kind, id);
        var wait = rateLimiter.tryConsume(RateLimit.REPORT_PER_ACCOUNT, "account " + actor.accountId());
        Result<ReportView> result = wait.isPresent()
                ? Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "too-many-requests",
                        "You have sent many reports in a short time. Wait a while and send it again.", List.of()))
                : moderation.report(new ReportItem(kind, id, reason), actor);
        switch (result) {
            case Result.Ok<ReportView> ok -> {
                return "redirect:/report?kind=" + item.kind() + "&id=" + item.id() + "&sent=true";
            }
            case Result.Rejected<ReportView> rejected -> {
                if (rejected.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                response.setStatus(rejected.refusal().kind() == Refusal.Kind.INVALID ? 422
                        : rejected.refusal().kind().status());
                model.addAttribute("item", item);
                model.addAttribute("sent", false);
                model.addAttribute("reason", reason);
                model.addAttribute("errors", FormErrors.of(rejected.refusal()));
                return "moderation/report";
            }
        }
    }

    // the author's review request

    @GetMapping("/moderation/{kind}/{id}/review-request")
    @RequiresSignIn
    String reviewRequestForm(@PathVariable String kind, @PathVariable String id, Actor actor, Model model) {
        return reviewRequestPage(item(kind, id), actor, model, "", FormErrors.none());
    }

    @PostMapping("/moderation/{kind}/{id}/review-request")
    @RequiresSignIn
    String requestReview(@PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "") String statement, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var item = item(kind, id);
        switch (moderation.requestReview(kind, id, new RequestReview(statement), actor)) {
            case Result.Ok<LogEntry> ok -> {
                redirect.addFlashAttribute("message",
                        "You asked for a review. A moderator will decide and you will get a mail.");
                return "redirect:/moderation/" + kind + "/" + id + "/review-request";
            }
            case Result.Rejected<LogEntry> rejected -> {
                var errors = refused(rejected.refusal());
                response.setStatus(rejected.refusal().kind() == Refusal.Kind.CONFLICT ? 409 : 422);
                return reviewRequestPage(item, actor, model, statement, errors);
            }
        }
    }

    private String reviewRequestPage(ModeratedItem item, Actor actor, Model model, String statement,
            FormErrors errors) {
        if (item.authorAccountId() == null || !item.authorAccountId().equals(actor.accountId())) {
            throw new AccessDeniedException("Only the author can ask for a review.");
        }
        model.addAttribute("item", item);
        model.addAttribute("notice", moderation.hidden(item.kind(), List.of(item.id())).get(item.id()));
        model.addAttribute("requested", moderation.reviewRequested(item.kind(), item.id()));
        model.addAttribute("statement", statement);
        model.addAttribute("errors", errors);
        return "moderation/review-request";
    }

    /** Refusals a person cannot fix in the form end with the error page; the others come back next to the fields. */
    private static FormErrors refused(Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new AccessDeniedException(refusal.title());
            default -> FormErrors.of(refusal);
        };
    }

    private ModeratedItem item(String kind, String id) {
        return moderation.item(kind, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ModerationScope scope(String slug) {
        return moderation.scope(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

package org.polylogue.statement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.statement.DraftStatement;
import org.polylogue.statement.EditStatement;
import org.polylogue.statement.JointStatements;
import org.polylogue.statement.SignatoryExport;
import org.polylogue.statement.StatementView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Joint statement pages: the list, drafting and editing, the statement with its signatories, and the exports. */
@Controller
class StatementPages {

    private static final int PAGE_SIZE = 20;
    private static final String PUBLIC = "statements open for signing and their signatories are public; drafts are"
            + " shown only to the lead's representatives or through the join link";

    private final JointStatements statements;
    private final String publicUrl;

    StatementPages(JointStatements statements, @Value("${polylogue.public-url}") String publicUrl) {
        this.statements = statements;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/statements")
    @PublicEndpoint(PUBLIC)
    String list(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        model.addAttribute("statements", statements.published(Paging.forPages(page, PAGE_SIZE)));
        model.addAttribute("drafts", statements.draftsOf(actor));
        return "statement/list";
    }

    @GetMapping("/statements/new")
    @RequiresSignIn
    String newStatement(@RequestParam(defaultValue = "") String processSlug,
            @RequestParam(defaultValue = "") String consultationSlug, @RequestParam(defaultValue = "") String paragraphId,
            Actor actor, Model model) {
        var typed = Map.of("processSlug", processSlug, "consultationSlug", consultationSlug, "paragraphId", paragraphId);
        return form(null, actor, model, FormErrors.none(), typed);
    }

    @PostMapping("/statements")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    String draft(@RequestParam Map<String, String> fields, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var request = new DraftStatement(fields.get("title"), fields.get("body"), fields.get("organizationId"),
                fields.get("processSlug"), fields.get("consultationSlug"), fields.get("paragraphId"));
        switch (statements.draft(request, actor)) {
            case Result.Ok<StatementView> ok -> {
                redirect.addFlashAttribute("message", "Your draft is saved. Invite organisations and open signing when ready.");
                return "redirect:/statements/" + ok.value().id();
            }
            case Result.Rejected<StatementView> rejected -> {
                response.setStatus(422);
                return form(null, actor, model, refused(rejected.refusal()), fields);
            }
        }
    }

    @GetMapping("/statements/{id}/edit")
    @RequiresSignIn
    String edit(@PathVariable String id, Actor actor, Model model) {
        var statement = visible(id, actor);
        if (!statements.isLead(actor, statement)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the lead organisation edits its statement.");
        }
        return form(statement, actor, model, FormErrors.none(),
                Map.of("title", nullToEmpty(statement.title()), "body", nullToEmpty(statement.body())));
    }

    @PostMapping("/statements/{id}/edit")
    @RequiresSignIn
    String saveEdit(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (statements.edit(id, new EditStatement(title, body), actor)) {
            case Result.Ok<StatementView> ok -> {
                redirect.addFlashAttribute("message", "The draft was saved.");
                return "redirect:/statements/" + id;
            }
            case Result.Rejected<StatementView> rejected -> {
                var errors = refused(rejected.refusal());
                response.setStatus(rejected.refusal().kind() == Refusal.Kind.CONFLICT ? 409 : 422);
                return form(visible(id, actor), actor, model, errors, Map.of("title", title, "body", body));
            }
        }
    }

    @GetMapping("/statements/{id}")
    @PublicEndpoint(PUBLIC)
    String statement(@PathVariable String id, @RequestParam(defaultValue = "") String q, Actor actor, Model model) {
        return page(visible(id, actor), null, q, actor, model, FormState.none());
    }

    @GetMapping("/statements/{id}/join")
    @PublicEndpoint("the join link is shared by the lead; its secret token shows the statement, even while drafted")
    String join(@PathVariable String id, @RequestParam(defaultValue = "") String token, Actor actor, Model model) {
        var statement = statements.findWithToken(id, token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(statement, token, "", actor, model, FormState.none());
    }

    @PostMapping("/statements/{id}/invitations")
    @RequiresSignIn
    String invite(@PathVariable String id, @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String q, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (statements.invite(id, organizationId, actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", ((org.polylogue.statement.Invitation) ok.value()).name()
                        + " is invited.");
                return "redirect:/statements/" + id + "#invitations";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(visible(id, actor), null, q, actor, model,
                        new FormState("invite", refused(rejected.refusal()), Map.of("organizationId", organizationId)));
            }
        }
    }

    @PostMapping("/statements/{id}/signing")
    @RequiresSignIn
    String open(@PathVariable String id, @RequestParam(defaultValue = "") String closesOn, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        java.time.Instant closesAt = null;
        Refusal refusal = null;
        if (!closesOn.isBlank()) {
            try {
                closesAt = LocalDate.parse(closesOn.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                refusal = Refusal.invalid("closesOn", "must be a date such as 2027-01-31");
            }
        }
        if (refusal == null) {
            switch (statements.openSigning(id, closesAt, actor)) {
                case Result.Ok<StatementView> ok -> {
                    redirect.addFlashAttribute("message", "Signing is open. Your organisation is the first signatory.");
                    return "redirect:/statements/" + id;
                }
                case Result.Rejected<StatementView> rejected -> refusal = rejected.refusal();
            }
        }
        response.setStatus(statusOf(refusal));
        return page(visible(id, actor), null, "", actor, model,
                new FormState("open", refused(refusal), Map.of("closesOn", closesOn)));
    }

    @PostMapping("/statements/{id}/signing/close")
    @RequiresSignIn
    String close(@PathVariable String id, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (statements.closeSigning(id, actor)) {
            case Result.Ok<StatementView> ok -> {
                redirect.addFlashAttribute("message", "Signing is closed. The text and the list of signatories are final.");
                return "redirect:/statements/" + id;
            }
            case Result.Rejected<StatementView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(visible(id, actor), null, "", actor, model,
                        new FormState("close", refused(rejected.refusal()), Map.of()));
            }
        }
    }

    @PostMapping("/statements/{id}/signatures")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    String sign(@PathVariable String id, @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String token, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (statements.sign(id, organizationId, actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", ((org.polylogue.statement.Signatory) ok.value()).name()
                        + " signed the statement.");
                return "redirect:/statements/" + id + "#signatories";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                var statement = token.isBlank() ? visible(id, actor)
                        : statements.findWithToken(id, token).orElseGet(() -> visible(id, actor));
                return page(statement, token.isBlank() ? null : token, "", actor, model,
                        new FormState("sign", refused(rejected.refusal()), Map.of("organizationId", organizationId)));
            }
        }
    }

    @PostMapping("/statements/{id}/signatures/{organizationId}/withdraw")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    String withdraw(@PathVariable String id, @PathVariable String organizationId, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (statements.withdraw(id, organizationId, actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", ((org.polylogue.statement.Signatory) ok.value()).name()
                        + " withdrew its signature.");
                return "redirect:/statements/" + id + "#signatories";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(visible(id, actor), null, "", actor, model,
                        new FormState("withdraw", refused(rejected.refusal()), Map.of()));
            }
        }
    }

    @GetMapping("/statements/{id}/signatories.csv")
    @PublicEndpoint(PUBLIC)
    ResponseEntity<String> csv(@PathVariable String id, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"statement-" + id + "-signatories.csv\"")
                .body(SignatoryExport.csv(visible(id, actor)));
    }

    @GetMapping("/statements/{id}/signatories.json")
    @PublicEndpoint(PUBLIC)
    ResponseEntity<List<SignatoryExport.Row>> json(@PathVariable String id, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"statement-" + id + "-signatories.json\"")
                .body(SignatoryExport.rows(visible(id, actor)));
    }

    private StatementView visible(String id, Actor actor) {
        return statements.find(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(StatementView statement, Actor actor, Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("statement", statement);
        model.addAttribute("organizations", statements.representedBy(actor));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", new LinkedHashMap<>(typed));
        return "statement/form";
    }

    private String page(StatementView statement, String joinToken, String query, Actor actor, Model model,
            FormState form) {
        boolean lead = statements.isLead(actor, statement);
        var represented = statements.representedBy(actor);
        var current = statement.current().stream().map(s -> s.organizationId()).toList();
        List<OrganizationView> canSign = represented.stream()
                .filter(o -> o.verified() && !current.contains(o.id())).toList();
        List<OrganizationView> canWithdraw = represented.stream()
                .filter(o -> current.contains(o.id()) && !o.id().equals(statement.lead().organizationId())).toList();
        List<OrganizationView> unverified = represented.stream()
                .filter(o -> !o.verified() && !current.contains(o.id())).toList();
        List<OrganizationView> leading = represented.stream()
                .filter(o -> current.contains(o.id()) && o.id().equals(statement.lead().organizationId())).toList();
        model.addAttribute("page", new StatementPage(statement, lead,
                lead ? statements.invitations(statement.id(), actor).orThrow() : List.of(),
                lead ? publicUrl + statements.joinPath(statement.id(), actor).orThrow() : null, query,
                lead && !query.isBlank() ? statements.searchOrganizations(query) : List.of(), canSign, canWithdraw,
                unverified, leading, joinToken));
        model.addAttribute("form", form);
        return "statement/statement";
    }

    private static int statusOf(Refusal refusal) {
        return refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422;
    }

    /** Refusals a person cannot fix in the form end with the error page; the others come back next to the fields. */
    private static FormErrors refused(Refusal refusal) {
        switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.title());
            default -> {
                return FormErrors.of(refusal);
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

package org.polylogue.stakeholder.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.DomainClaimPreview;
import org.polylogue.stakeholder.OrganizationVerification;
import org.polylogue.stakeholder.OrganizationView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The organisation page's verification forms, and the page the domain confirmation link opens. */
@Controller
class OrganizationVerificationPages {

    private final OrganizationVerification verification;
    private final OrganizationPageModel page;

    OrganizationVerificationPages(OrganizationVerification verification, OrganizationPageModel page) {
        this.verification = verification;
        this.page = page;
    }

    @PostMapping("/organizations/{id}/domain-claims")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.MAIL_PER_ACCOUNT)
    String claimDomain(@PathVariable String id, @RequestParam(defaultValue = "") String email, Actor actor, Model model,
            HttpServletResponse response) {
        return switch (verification.claimDomain(id, email, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=claim-sent";
            case Result.Rejected<?> rejected -> {
                model.addAttribute("claimEmail", email);
                yield refused(rejected.refusal(), "email", "claimEmail", id, actor, model, response);
            }
        };
    }

    @GetMapping("/organizations/verify-domain")
    @PublicEndpoint("the token in the mail sent to the claimed domain is the credential; opening only shows it")
    String previewDomain(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        switch (verification.previewClaim(token)) {
            case Result.Ok<DomainClaimPreview> ok -> {
                model.addAttribute("preview", ok.value());
                model.addAttribute("organization", ok.value().confirmed() ? ok.value().organization() : null);
                model.addAttribute("refusal", null);
            }
            case Result.Rejected<DomainClaimPreview> rejected -> refusedLink(rejected.refusal(), model, response);
        }
        return "stakeholder/domain-verified";
    }

    @PostMapping("/organizations/verify-domain")
    @PublicEndpoint("the token in the mail sent to the claimed domain is the credential")
    String confirmDomain(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("preview", null);
        switch (verification.confirmDomain(token)) {
            case Result.Ok<OrganizationView> ok -> {
                model.addAttribute("organization", ok.value());
                model.addAttribute("refusal", null);
            }
            case Result.Rejected<OrganizationView> rejected -> refusedLink(rejected.refusal(), model, response);
        }
        return "stakeholder/domain-verified";
    }

    private static void refusedLink(Refusal refusal, Model model, HttpServletResponse response) {
        model.addAttribute("preview", null);
        model.addAttribute("organization", null);
        model.addAttribute("refusal", refusal);
        response.setStatus(refusal.kind().status());
    }

    @PostMapping("/organizations/{id}/verification")
    @RequiresSignIn
    String verify(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Actor actor, Model model,
            HttpServletResponse response) {
        return switch (verification.verify(id, reason, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=verified";
            case Result.Rejected<?> rejected -> {
                model.addAttribute("reason", reason);
                yield refused(rejected.refusal(), "reason", "reason", id, actor, model, response);
            }
        };
    }

    @PostMapping("/organizations/{id}/verification/revocation")
    @RequiresSignIn
    String revoke(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Actor actor, Model model,
            HttpServletResponse response) {
        return switch (verification.revoke(id, reason, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=revoked";
            case Result.Rejected<?> rejected -> {
                model.addAttribute("revokeReason", reason);
                yield refused(rejected.refusal(), "reason", "revokeReason", id, actor, model, response);
            }
        };
    }

    @PostMapping("/organizations/{id}/ecosoc-status")
    @RequiresSignIn
    String ecosocStatus(@PathVariable String id, @RequestParam(defaultValue = "") String status, Actor actor,
            Model model, HttpServletResponse response) {
        return switch (verification.setEcosocStatus(id, status, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=ecosoc";
            case Result.Rejected<?> rejected -> refused(rejected.refusal(), "status", "status", id, actor, model,
                    response);
        };
    }

    /**
     * The page again with the refusal next to the form's field ({@code field} in the refusal is shown
     * as {@code formField}, as several forms share the page); 404 and 403 as such.
     */
    private String refused(Refusal refusal, String field, String formField, String id, Actor actor, Model model,
            HttpServletResponse response) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Map<String, String> messages = new LinkedHashMap<>();
        FormErrors.of(refusal).messages().forEach((key, message) -> messages.put(key.equals(field) ? formField : key,
                message));
        model.addAttribute("errors", new FormErrors(messages));
        response.setStatus(refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422);
        return page.fill(model, id, actor, null);
    }
}

package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.polylogue.account.CreateToken;
import org.polylogue.account.IssuedToken;
import org.polylogue.account.PersonalTokens;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Personal API tokens: the list, a form to create one (its secret is shown once, in the answer to
 * the form, never again) and revocation.
 */
@Controller
class TokenPages {

    private final PersonalTokens tokens;
    private final Validator validator;

    TokenPages(PersonalTokens tokens, Validator validator) {
        this.tokens = tokens;
        this.validator = validator;
    }

    @GetMapping("/account/tokens")
    @RequiresSignIn
    String list(Actor actor, @RequestParam(required = false) String revoked, Model model) {
        return page(actor, new CreateToken("", CreateToken.DEFAULT_LIFETIME), FormErrors.none(), null,
                revoked != null, model);
    }

    @PostMapping("/account/tokens")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.TOKEN_CREATION_PER_ACCOUNT)
    String create(Actor actor, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "90") String expiresInDays, HttpServletResponse response, Model model) {
        Integer days = expiresInDays.matches("\\d{1,4}") ? Integer.valueOf(expiresInDays) : -1;
        var form = new CreateToken(name, days);
        var errors = FormErrors.validate(validator, form);
        if (errors.isEmpty()) {
            switch (tokens.create(actor, form)) {
                case Result.Ok<IssuedToken> ok -> {
                    // the secret is in this answer only: no redirect, and the browser must not keep it
                    response.setHeader("Cache-Control", "no-store");
                    response.setStatus(201);
                    return page(actor, new CreateToken("", CreateToken.DEFAULT_LIFETIME), FormErrors.none(),
                            ok.value(), false, model);
                }
                case Result.Rejected<IssuedToken> rejected -> errors = FormErrors.of(rejected.refusal());
            }
        }
        response.setStatus(422);
        return page(actor, new CreateToken(name, CreateToken.LIFETIMES.contains(days) ? days : CreateToken.DEFAULT_LIFETIME),
                errors, null, false, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @RequiresSignIn
    String revoke(Actor actor, @PathVariable String id) {
        if (tokens.revoke(actor, id) instanceof Result.Rejected<?>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/account/tokens?revoked";
    }

    private String page(Actor actor, CreateToken form, FormErrors errors, IssuedToken issued, boolean revoked,
            Model model) {
        model.addAttribute("tokens", tokens.list(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        model.addAttribute("revoked", revoked);
        return "account/tokens";
    }
}

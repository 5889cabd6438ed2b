package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.polylogue.account.Accounts;
import org.polylogue.account.RegisterAccount;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AccountPages {

    private final Accounts accounts;
    private final Validator validator;
    private final SignIn signIn;

    AccountPages(Accounts accounts, Validator validator, SignIn signIn) {
        this.accounts = accounts;
        this.validator = validator;
        this.signIn = signIn;
    }

    @GetMapping("/register")
    @PublicEndpoint("anyone may register")
    String registerForm(Model model) {
        model.addAttribute("form", new RegisterAccount("", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "account/register";
    }

    @PostMapping("/register")
    @PublicEndpoint("anyone may register")
    String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        var form = new RegisterAccount(email, password, displayName);
        var errors = FormErrors.validate(validator, form);
        if (errors.isEmpty()) {
            switch (accounts.register(form)) {
                case Result.Ok<?> ok -> {
                    signIn.signIn(email, request, response);
                    return "redirect:/account?registered";
                }
                case Result.Rejected<?> rejected -> errors = FormErrors.of(rejected.refusal());
            }
        }
        model.addAttribute("form", new RegisterAccount(email, "", displayName));
        model.addAttribute("errors", errors);
        response.setStatus(422);
        return "account/register";
    }

    @GetMapping("/sign-in")
    @PublicEndpoint("the sign-in form")
    String signInForm(@RequestParam(required = false) String error,
            @RequestParam(name = "continue", required = false) String continueTo, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("continueTo",
                continueTo != null && continueTo.startsWith("/") && !continueTo.startsWith("//") ? continueTo : "");
        return "account/sign-in";
    }

    @GetMapping("/account")
    @RequiresSignIn
    String account(Actor actor, @RequestParam(required = false) String registered,
            @RequestParam(name = "pseudonym-saved", required = false) String pseudonymSaved, Model model) {
        model.addAttribute("account", accounts.find(actor.accountId()).orElseThrow());
        model.addAttribute("registered", registered != null);
        model.addAttribute("pseudonymSaved", pseudonymSaved != null);
        return "account/account";
    }

    @GetMapping("/verify-email")
    @PublicEndpoint("the token in the verification mail is the credential")
    String verify(@RequestParam(defaultValue = "") String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Result<?> result = accounts.verifyEmail(token);
        Refusal refusal = result instanceof Result.Rejected<?> r ? r.refusal() : null;
        model.addAttribute("refusal", refusal);
        if (refusal != null) {
            response.setStatus(400);
        }
        return "account/verified";
    }
}

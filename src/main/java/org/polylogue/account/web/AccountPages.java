package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.polylogue.account.Accounts;
import org.polylogue.account.RegisterAccount;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
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
    @RateLimited(RateLimit.REGISTRATION_PER_ADDRESS)
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
            @RequestParam(name = "continue", required = false) String continueTo,
            @RequestParam(required = false) Long locked, @RequestParam(required = false) String reset, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("failure", error == null ? null : switch (error) {
            case "second-factor" -> "Too many wrong codes. Sign in again with your password.";
            case "expired" -> "The sign-in took too long. Please sign in again.";
            default -> "The email or password is wrong.";
        });
        model.addAttribute("notice", reset != null ? "Your password was changed. Sign in with the new one." : null);
        model.addAttribute("lockedFor", locked == null || locked < 1 ? ""
                : new org.polylogue.shared.security.TooManyRequestsException(
                        org.polylogue.shared.security.RateLimit.SIGN_IN_PER_ACCOUNT,
                        java.time.Duration.ofSeconds(Math.min(locked, 86_400))).retryAfterText());
        model.addAttribute("continueTo",
                org.polylogue.account.internal.ContinueAfterSignIn.isLocalPath(continueTo) ? continueTo : "");
        return "account/sign-in";
    }

    @GetMapping("/account")
    @RequiresSignIn
    String account(Actor actor, @RequestParam(required = false) String registered,
            @RequestParam(name = "mail-sent", required = false) String mailSent,
            @RequestParam(name = "pseudonym-saved", required = false) String pseudonymSaved, Model model) {
        model.addAttribute("account", accounts.find(actor.accountId()).orElseThrow());
        model.addAttribute("registered", registered != null);
        model.addAttribute("mailSent", mailSent != null);
        model.addAttribute("pseudonymSaved", pseudonymSaved != null);
        return "account/account";
    }

    @PostMapping("/account/verification-mail")
    @RequiresSignIn
    @RateLimited(RateLimit.MAIL_PER_ACCOUNT)
    String resendVerification(Actor actor) {
        accounts.resendVerification(actor.accountId());
        return "redirect:/account?mail-sent#email";
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

package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.polylogue.account.Passwords;
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

/** Changing the password ({@code /account/password}) and resetting a forgotten one by mail. */
@Controller
class PasswordPages {

    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";

    private final Passwords passwords;

    PasswordPages(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/account/password")
    @RequiresSignIn
    String changeForm(@RequestParam(required = false) String changed, Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("changed", changed != null);
        return "account/password";
    }

    @PostMapping("/account/password")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SIGN_IN_PER_ADDRESS)
    String change(Actor actor, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var session = request.getSession(false);
        var result = passwords.change(actor.accountId(), currentPassword, newPassword,
                session == null ? null : session.getId());
        if (result instanceof Result.Rejected<Void> rejected) {
            model.addAttribute("errors", FormErrors.of(rejected.refusal()));
            model.addAttribute("changed", false);
            response.setStatus(422);
            return "account/password";
        }
        return "redirect:/account/password?changed";
    }

    @GetMapping("/forgot-password")
    @PublicEndpoint("anyone may ask for a reset link; it goes only to the account's own address")
    String forgotForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("sent", false);
        model.addAttribute("errors", FormErrors.none());
        return "account/forgot-password";
    }

    @PostMapping("/forgot-password")
    @PublicEndpoint("anyone may ask for a reset link; it goes only to the account's own address")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    String forgot(@RequestParam(defaultValue = "") String email, HttpServletResponse response, Model model) {
        String typed = email.strip();
        if (typed.isEmpty() || typed.length() > 254 || !typed.matches(EMAIL)) {
            model.addAttribute("email", typed);
            model.addAttribute("sent", false);
            model.addAttribute("errors", new FormErrors(Map.of("email",
                    typed.isEmpty() ? "is required" : "is not an email address")));
            response.setStatus(422);
            return "account/forgot-password";
        }
        passwords.requestReset(typed);
        // the same answer whether or not an account has this address
        model.addAttribute("email", typed);
        model.addAttribute("sent", true);
        model.addAttribute("errors", FormErrors.none());
        return "account/forgot-password";
    }

    @GetMapping("/reset-password")
    @PublicEndpoint("the token in the reset mail is the credential")
    String resetForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        if (passwords.checkResetLink(token) instanceof Result.Rejected<Void> rejected) {
            return linkRefused(rejected.refusal(), response, model);
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        return "account/reset-password";
    }

    @PostMapping("/reset-password")
    @PublicEndpoint("the token in the reset mail is the credential")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            HttpServletResponse response, Model model) {
        if (passwords.reset(token, password) instanceof Result.Rejected<Void> rejected) {
            if (rejected.refusal().messageFor("token") != null) {
                return linkRefused(rejected.refusal(), response, model);
            }
            model.addAttribute("token", token);
            model.addAttribute("errors", FormErrors.of(rejected.refusal()));
            response.setStatus(422);
            return "account/reset-password";
        }
        return "redirect:/sign-in?reset";
    }

    private static String linkRefused(Refusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("refusal", refusal);
        return "account/reset-link-refused";
    }
}

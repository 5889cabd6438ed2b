package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.polylogue.account.TwoFactor;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /account/two-factor}: set up, confirm, regenerate recovery codes, turn off. */
@Controller
class TwoFactorPages {

    private final TwoFactor twoFactor;

    TwoFactorPages(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping("/account/two-factor")
    @RequiresSignIn
    String page(Actor actor, @RequestParam(required = false) String disabled, Model model) {
        return render(actor, model, FormErrors.none(), disabled != null);
    }

    @PostMapping("/account/two-factor/setup")
    @RequiresSignIn
    String setUp(Actor actor) {
        twoFactor.startSetup(actor.accountId());
        return "redirect:/account/two-factor";
    }

    @PostMapping("/account/two-factor/enable")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SECOND_FACTOR_PER_ADDRESS)
    String enable(Actor actor, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        return switch (twoFactor.enable(actor.accountId(), code)) {
            case Result.Ok<List<String>> ok -> codes(ok.value(), true, model);
            case Result.Rejected<List<String>> rejected -> refused(actor, model, response,
                    FormErrors.of(rejected.refusal()));
        };
    }

    @PostMapping("/account/two-factor/recovery-codes")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SECOND_FACTOR_PER_ADDRESS)
    String regenerate(Actor actor, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        return switch (twoFactor.regenerateRecoveryCodes(actor.accountId(), code)) {
            case Result.Ok<List<String>> ok -> codes(ok.value(), false, model);
            case Result.Rejected<List<String>> rejected -> refused(actor, model, response,
                    new FormErrors(Map.of("regenerateCode", rejected.refusal().messageFor("code"))));
        };
    }

    @PostMapping("/account/two-factor/disable")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SECOND_FACTOR_PER_ADDRESS)
    String disable(Actor actor, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        return switch (twoFactor.disable(actor.accountId(), code)) {
            case Result.Ok<Void> ok -> "redirect:/account/two-factor?disabled";
            case Result.Rejected<Void> rejected -> refused(actor, model, response,
                    new FormErrors(Map.of("disableCode", rejected.refusal().messageFor("code"))));
        };
    }

    private String codes(List<String> codes, boolean justEnabled, Model model) {
        model.addAttribute("codes", codes);
        model.addAttribute("justEnabled", justEnabled);
        return "account/recovery-codes";
    }

    private String refused(Actor actor, Model model, HttpServletResponse response, FormErrors errors) {
        response.setStatus(422);
        return render(actor, model, errors, false);
    }

    private String render(Actor actor, Model model, FormErrors errors, boolean disabled) {
        var status = twoFactor.status(actor.accountId());
        model.addAttribute("status", status);
        model.addAttribute("setup", status.enabled() ? null : twoFactor.pendingSetup(actor.accountId()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("disabled", disabled);
        return "account/two-factor";
    }
}

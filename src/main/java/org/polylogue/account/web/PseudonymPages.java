package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.account.Accounts;
import org.polylogue.account.Pseudonyms;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public-name form of the account page. */
@Controller
class PseudonymPages {

    private final Pseudonyms pseudonyms;
    private final Accounts accounts;

    PseudonymPages(Pseudonyms pseudonyms, Accounts accounts) {
        this.pseudonyms = pseudonyms;
        this.accounts = accounts;
    }

    @PostMapping("/account/pseudonym")
    @RequiresSignIn
    String set(@RequestParam(defaultValue = "") String pseudonym, Actor actor, Model model,
            HttpServletResponse response) {
        return switch (pseudonyms.set(pseudonym, actor)) {
            case Result.Ok<?> ok -> "redirect:/account?pseudonym-saved#public-name";
            case Result.Rejected<?> rejected -> {
                model.addAttribute("account", accounts.find(actor.accountId()).orElseThrow());
                model.addAttribute("registered", false);
                model.addAttribute("pseudonymErrors", FormErrors.of(rejected.refusal()));
                model.addAttribute("pseudonymValue", pseudonym);
                response.setStatus(rejected.refusal().kind() == org.polylogue.shared.Refusal.Kind.CONFLICT ? 409 : 422);
                yield "account/account";
            }
        };
    }
}

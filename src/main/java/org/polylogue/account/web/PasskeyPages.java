package org.polylogue.account.web;

import org.polylogue.account.Passkeys;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The person's passkeys: the list, removal by a plain form; adding one is done by passkeys.js. */
@Controller
class PasskeyPages {

    private final Passkeys passkeys;

    PasskeyPages(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/account/passkeys")
    @RequiresSignIn
    String list(Actor actor, @RequestParam(required = false) String added, @RequestParam(required = false) String removed,
            Model model) {
        model.addAttribute("passkeys", passkeys.list(actor));
        model.addAttribute("notice", added != null ? "Your passkey was added. You can now sign in with it."
                : removed != null ? "The passkey was removed. It can no longer sign you in." : null);
        return "account/passkeys";
    }

    @PostMapping("/account/passkeys/{id}/remove")
    @RequiresSignIn
    String remove(Actor actor, @PathVariable String id) {
        if (passkeys.remove(actor, id) instanceof Result.Rejected<?>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/account/passkeys?removed";
    }
}

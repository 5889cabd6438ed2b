package org.polylogue.account.api;

import org.polylogue.account.AccountView;
import org.polylogue.account.Pseudonyms;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PseudonymApi {

    private final Pseudonyms pseudonyms;

    PseudonymApi(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    record PseudonymRequest(String pseudonym) {}

    @PutMapping("/api/v1/accounts/me/pseudonym")
    @RequiresSignIn
    AccountView set(@RequestBody PseudonymRequest request, Actor actor) {
        return pseudonyms.set(request.pseudonym(), actor).orThrow();
    }
}

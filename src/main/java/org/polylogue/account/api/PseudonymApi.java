package org.polylogue.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.polylogue.account.AccountView;
import org.polylogue.account.Pseudonyms;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts")
@RestController
class PseudonymApi {

    private final Pseudonyms pseudonyms;

    PseudonymApi(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Schema(example = "{\"pseudonym\": \"Policy Owl\"}")
    record PseudonymRequest(String pseudonym) {}

    @PutMapping("/api/v1/accounts/me/pseudonym")
    @RequiresSignIn
    @Operation(operationId = "pseudonymSet", summary = "Choose or clear the public pseudonym",
            description = "The name shown publicly instead of the display name; an empty value shows the display name again. 409 when someone already appears under that name.")
    AccountView set(@RequestBody PseudonymRequest request, Actor actor) {
        return pseudonyms.set(request.pseudonym(), actor).orThrow();
    }
}

package org.polylogue.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.polylogue.account.CreateToken;
import org.polylogue.account.IssuedToken;
import org.polylogue.account.PersonalTokens;
import org.polylogue.account.TokenView;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens. Another person's token is a 404, never revealed. */
@Tag(name = "Accounts")
@RestController
class TokenApi {

    private final PersonalTokens tokens;

    TokenApi(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/accounts/me/tokens")
    @RequiresSignIn
    @Operation(operationId = "tokenList", summary = "List my API tokens",
            description = "The personal tokens of the signed-in account: name, creation, expiry, last use (never the secret).")
    Paged<TokenView> list(Actor actor) {
        // a person has few tokens: one page with all of them, in the shape of every list
        List<TokenView> all = tokens.list(actor);
        return new Paged<>(all, 0, Math.max(all.size(), 1), all.size());
    }

    @PostMapping("/api/v1/accounts/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.TOKEN_CREATION_PER_ACCOUNT)
    @Operation(operationId = "tokenCreate", summary = "Create a personal API token",
            description = "Returns the secret once; `expiresInDays` is 30, 90 (default) or 365.")
    ResponseEntity<IssuedToken> create(Actor actor, @Valid @RequestBody CreateToken request) {
        IssuedToken issued = tokens.create(actor, request).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/accounts/me/tokens/" + issued.id()))
                .header("Cache-Control", "no-store").body(issued);
    }

    @DeleteMapping("/api/v1/accounts/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "tokenRevoke", summary = "Revoke one of my API tokens",
            description = "The token stops working at once. 404 for a token of someone else.")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable String id) {
        tokens.revoke(actor, id).orThrow();
        return ResponseEntity.noContent().build();
    }
}

package org.polylogue.account.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Map;
import org.polylogue.account.AccountView;
import org.polylogue.account.Accounts;
import org.polylogue.account.RegisterAccount;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountApi {

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code otp}: for an account with a second factor, a current code of its app or an unused recovery code. */
    record TokenRequest(@NotBlank(message = "is required") String email,
            @NotBlank(message = "is required") String password, String name, String otp) {}

    record VerificationRequest(@NotBlank(message = "is required") String token) {}

    @PostMapping("/api/v1/accounts")
    @PublicEndpoint("anyone may register; a verification mail is sent")
    @RateLimited(RateLimit.REGISTRATION_PER_ADDRESS)
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterAccount request) {
        AccountView account = accounts.register(request).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/accounts/me")).body(account);
    }

    @PostMapping("/api/v1/auth/tokens")
    @PublicEndpoint("exchanges email and password for a personal token")
    ResponseEntity<Map<String, String>> token(@Valid @RequestBody TokenRequest request) {
        String token = accounts.issueToken(request.email(), request.password(), request.name(), request.otp()).orThrow();
        return ResponseEntity.status(201).body(Map.of("token", token));
    }

    @PostMapping("/api/v1/accounts/verification")
    @PublicEndpoint("the token in the verification mail is the credential")
    AccountView verify(@Valid @RequestBody VerificationRequest request) {
        return accounts.verifyEmail(request.token()).orThrow();
    }

    @PostMapping("/api/v1/accounts/me/verification-mail")
    @RequiresSignIn
    @RateLimited(RateLimit.MAIL_PER_ACCOUNT)
    ResponseEntity<Map<String, String>> resendVerification(Actor actor) {
        var account = accounts.resendVerification(actor.accountId()).orThrow();
        return ResponseEntity.accepted().body(Map.of("sentTo", account.email()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.polylogue.shared.RefusedException.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> refused(
            org.polylogue.shared.RefusedException e) {
        return WeakPasswordProblem.response(e.refusal());
    }

    @GetMapping("/api/v1/accounts/me")
    @RequiresSignIn
    AccountView me(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow();
    }
}

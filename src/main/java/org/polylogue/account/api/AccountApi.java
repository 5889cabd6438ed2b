package org.polylogue.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Registering, confirming the email address, API tokens from a password, the signed-in account")
@RestController
class AccountApi {

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code otp}: for an account with a second factor, a current code of its app or an unused recovery code. */
    @Schema(example = "{\"email\": \"ada@example.org\", \"password\": \"correct horse battery\", \"name\": \"Research script\"}")
    record TokenRequest(@NotBlank(message = "is required") String email,
            @NotBlank(message = "is required") String password, String name, String otp) {}

    @Schema(example = "{\"token\": \"k3v9x2m8q4w7z1p6\"}")
    record VerificationRequest(@NotBlank(message = "is required") String token) {}

    @PostMapping("/api/v1/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint("anyone may register; a verification mail is sent")
    @RateLimited(RateLimit.REGISTRATION_PER_ADDRESS)
    @Operation(operationId = "accountRegister", summary = "Register an account",
            description = "Creates an account and sends a mail with a link to confirm the email address. 422 problem with field errors for invalid input or a weak password; 409 when the address is taken. Rate-limited per address.")
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterAccount request) {
        AccountView account = accounts.register(request).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/accounts/me")).body(account);
    }

    @PostMapping("/api/v1/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint("exchanges email and password for a personal token")
    @Operation(operationId = "accountToken", summary = "Get an API token with email and password",
            description = "Answers 201 with a bearer token for `Authorization: Bearer <token>`. Accounts with a second factor also give `otp` (a code of their app or an unused recovery code). 401 problem for wrong credentials. Rate-limited.")
    ResponseEntity<Map<String, String>> token(@Valid @RequestBody TokenRequest request) {
        String token = accounts.issueToken(request.email(), request.password(), request.name(), request.otp()).orThrow();
        return ResponseEntity.status(201).body(Map.of("token", token));
    }

    @PostMapping("/api/v1/accounts/verification")
    @PublicEndpoint("the token in the verification mail is the credential")
    @Operation(operationId = "accountVerify", summary = "Confirm an email address",
            description = "Confirms the address with the token from the verification mail.")
    AccountView verify(@Valid @RequestBody VerificationRequest request) {
        return accounts.verifyEmail(request.token()).orThrow();
    }

    @PostMapping("/api/v1/accounts/me/verification-mail")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresSignIn
    @RateLimited(RateLimit.MAIL_PER_ACCOUNT)
    @Operation(operationId = "accountResendVerification", summary = "Send the verification mail again",
            description = "For the signed-in account whose address is not confirmed yet. Rate-limited.")
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
    @Operation(operationId = "accountMe", summary = "The signed-in account",
            description = "Who the token belongs to: id, email, display name, pseudonym, roles.")
    AccountView me(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow();
    }
}

package org.polylogue.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.polylogue.account.Passwords;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Password change (signed in) and reset by mailed link (signed out). */
@Tag(name = "Accounts")
@RestController
class PasswordApi {

    private final Passwords passwords;

    PasswordApi(Passwords passwords) {
        this.passwords = passwords;
    }

    @Schema(example = "{\"email\": \"ada@example.org\"}")
    record ResetRequest(@NotBlank(message = "is required") @Email(message = "is not an email address")
            @Size(max = 254, message = "is too long") String email) {}

    @Schema(example = "{\"token\": \"k3v9x2m8q4w7z1p6\", \"password\": \"a new long passphrase\"}")
    record ResetConfirmation(@NotBlank(message = "is required") String token,
            @NotBlank(message = "is required") String password) {}

    @Schema(example = "{\"currentPassword\": \"correct horse battery\", \"newPassword\": \"a new long passphrase\"}")
    record PasswordChange(@NotBlank(message = "is required") String currentPassword,
            @NotBlank(message = "is required") String newPassword) {}

    @PostMapping("/api/v1/accounts/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint("anyone may ask for a reset link; it goes only to the account's own address")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    @Operation(operationId = "passwordRequestReset", summary = "Ask for a password reset link",
            description = "Sends a reset link to the address if an account has it; the answer is the same either way, so it does not reveal who is registered. Rate-limited per address.")
    ResponseEntity<Map<String, String>> requestReset(@Valid @RequestBody ResetRequest request) {
        passwords.requestReset(request.email());
        return ResponseEntity.accepted().body(Map.of("detail",
                "If an account has this address, a link to reset its password was mailed to it; it works once, within one hour."));
    }

    @PostMapping("/api/v1/accounts/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PublicEndpoint("the token in the reset mail is the credential")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    @Operation(operationId = "passwordConfirmReset", summary = "Set a new password with a reset token",
            description = "The token from the reset mail and the new password; every session and token of the account is ended.")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        passwords.reset(request.token(), request.password()).orThrow();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/accounts/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SIGN_IN_PER_ADDRESS)
    @Operation(operationId = "passwordChange", summary = "Change the password",
            description = "The current password and the new one; other sessions are ended.")
    ResponseEntity<Void> change(Actor actor, @Valid @RequestBody PasswordChange request) {
        passwords.change(actor.accountId(), request.currentPassword(), request.newPassword(), null).orThrow();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return WeakPasswordProblem.response(e.refusal());
    }
}

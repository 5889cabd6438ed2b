package org.polylogue.account.api;

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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Password change (signed in) and reset by mailed link (signed out). */
@RestController
class PasswordApi {

    private final Passwords passwords;

    PasswordApi(Passwords passwords) {
        this.passwords = passwords;
    }

    record ResetRequest(@NotBlank(message = "is required") @Email(message = "is not an email address")
            @Size(max = 254, message = "is too long") String email) {}

    record ResetConfirmation(@NotBlank(message = "is required") String token,
            @NotBlank(message = "is required") String password) {}

    record PasswordChange(@NotBlank(message = "is required") String currentPassword,
            @NotBlank(message = "is required") String newPassword) {}

    @PostMapping("/api/v1/accounts/password-reset")
    @PublicEndpoint("anyone may ask for a reset link; it goes only to the account's own address")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    ResponseEntity<Map<String, String>> requestReset(@Valid @RequestBody ResetRequest request) {
        passwords.requestReset(request.email());
        return ResponseEntity.accepted().body(Map.of("detail",
                "If an account has this address, a link to reset its password was mailed to it; it works once, within one hour."));
    }

    @PostMapping("/api/v1/accounts/password-reset/confirm")
    @PublicEndpoint("the token in the reset mail is the credential")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.PASSWORD_RESET_PER_ADDRESS)
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        passwords.reset(request.token(), request.password()).orThrow();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/accounts/me/password")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SIGN_IN_PER_ADDRESS)
    ResponseEntity<Void> change(Actor actor, @Valid @RequestBody PasswordChange request) {
        passwords.change(actor.accountId(), request.currentPassword(), request.newPassword(), null).orThrow();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return WeakPasswordProblem.response(e.refusal());
    }
}

package org.polylogue.account;

import java.util.List;
import org.polylogue.account.internal.AccountRepository;
import org.polylogue.account.internal.EndSessions;
import org.polylogue.account.internal.PasswordPolicy;
import org.polylogue.account.internal.PasswordResetTokens;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a password (knowing the current one) and resetting it by a link mailed to the account's
 * address. Both refuse weak passwords ({@code weak-password}) and end the account's other sessions;
 * neither turns off the second factor.
 */
@Service
public class Passwords {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final PasswordResetTokens resets;
    private final EndSessions sessions;
    private final ApplicationEventPublisher events;
    private final org.polylogue.account.internal.ApiTokens tokens;

    Passwords(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, PasswordResetTokens resets,
            EndSessions sessions, ApplicationEventPublisher events,
            org.polylogue.account.internal.ApiTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.resets = resets;
        this.sessions = sessions;
        this.events = events;
    }

    /**
     * Replaces the password when {@code currentPassword} is right and the new one is strong enough, then
     * ends every session of the account but {@code keepSessionId} (null: all).
     */
    public Result<Void> change(String accountId, String currentPassword, String newPassword, String keepSessionId) {
        var account = accounts.findCredentialsById(accountId).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            return Result.rejected(Refusal.invalid("currentPassword", "is not your current password"));
        }
        var weak = policy.problem(newPassword, account.email(), account.displayName());
        if (weak.isPresent()) {
            return Result.rejected(Accounts.weakPassword("newPassword", weak.get()));
        }
        if (newPassword.equals(currentPassword)) {
            return Result.rejected(Refusal.invalid("newPassword", "must differ from your current password"));
        }
        accounts.updatePasswordHash(accountId, encoder.encode(newPassword));
        sessions.endAll(account.email(), keepSessionId);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.PASSWORD_CHANGED, accountId, "account:" + accountId, ""));
        return Result.ok(null);
    }

    /**
     * Mails a reset link when an account has this address; says nothing either way, so that nobody
     * learns who is registered.
     */
    @Transactional
    public void requestReset(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        var account = accounts.findByEmail(Accounts.normalizeEmail(email));
        if (account.isPresent() && resets.send(account.get().id(), account.get().email(), account.get().displayName())) {
            events.publishEvent(new SecurityEvent(SecurityEvent.Kind.PASSWORD_RESET_REQUESTED, null,
                    "account:" + account.get().id(), ""));
        }
    }

    /** Whether the reset link is still good (known, unused, unexpired); refusals are at field {@code token}. */
    public Result<Void> checkResetLink(String token) {
        return switch (resets.accountOf(token)) {
            case Result.Ok<String> ok -> Result.ok(null);
            case Result.Rejected<String> rejected -> Result.rejected(rejected.refusal());
        };
    }

    /**
     * Sets a new password with a reset link: the link and all other links of the account stop working,
     * every session of the account ends and every API token is revoked (whoever knew the old password
     * may have made one). The second factor stays on.
     */
    public Result<Void> reset(String token, String newPassword) {
        var accountId = resets.accountOf(token);
        if (accountId instanceof Result.Rejected<String> rejected) {
            return Result.rejected(rejected.refusal());
        }
        String id = accountId.orThrow();
        var account = accounts.findCredentialsById(id).orElseThrow();
        var weak = policy.problem(newPassword, account.email(), account.displayName());
        if (weak.isPresent()) {
            return Result.rejected(Accounts.weakPassword("password", weak.get()));
        }
        String hash = encoder.encode(newPassword);
        if (!resets.use(token, id)) {
            return Result.rejected(new Refusal(Refusal.Kind.INVALID, "used-token",
                    "This password reset link was already used.", List.of(new Refusal.FieldMessage("token", "was already used"))));
        }
        accounts.updatePasswordHash(id, hash);
        sessions.endAll(account.email(), null);
        int revoked = tokens.revokeAll(id);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.PASSWORD_RESET, id, "account:" + id,
                revoked == 0 ? "" : revoked + " API tokens revoked"));
        return Result.ok(null);
    }
}

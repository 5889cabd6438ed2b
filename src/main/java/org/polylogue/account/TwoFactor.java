package org.polylogue.account;

import java.util.List;
import java.util.Optional;
import org.polylogue.account.internal.AccountRepository;
import org.polylogue.account.internal.SecondFactors;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.shared.security.TooManyRequestsException;
import org.polylogue.shared.web.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional TOTP second factor of an account: set up (confirmed by a current code), ten
 * single-use recovery codes shown once, regenerated or removed with a current code.
 */
@Service
public class TwoFactor {

    static final String WRONG_CODE = "is not a current code of your authenticator app";
    static final String WRONG_CODE_OR_RECOVERY = "is neither a current code of your app nor an unused recovery code";
    static final String REPLAYED = "has already been used: wait for the next code of your app";

    private final SecondFactors factors;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    private final RateLimiter rateLimiter;

    TwoFactor(SecondFactors factors, AccountRepository accounts, ApplicationEventPublisher events,
            RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.factors = factors;
        this.accounts = accounts;
        this.events = events;
    }

    public TwoFactorStatus status(String accountId) {
        boolean enabled = factors.enabled(accountId);
        return new TwoFactorStatus(enabled, enabled ? factors.recoveryCodesLeft(accountId) : 0);
    }

    /** Starts (or restarts) the setup; refused when the second factor is already on. */
    @Transactional
    public Result<TotpSetup> startSetup(String accountId) {
        return factors.startSetup(accountId, email(accountId)).map(Result::ok)
                .orElseGet(() -> Result.rejected(Refusal.conflict("second-factor-enabled",
                        "The second factor is already on; turn it off first to set up another app.")));
    }

    /** The setup awaiting its confirming code, if one was started. */
    public Optional<TotpSetup> pendingSetup(String accountId) {
        return factors.pendingSetup(accountId, email(accountId));
    }

    /** Turns the second factor on when {@code code} is current for the pending secret; returns the recovery codes. */
    @Transactional
    public Result<List<String>> enable(String accountId, String code) {
        spendCodeBudget(accountId);
        var codes = factors.confirmSetup(accountId, code);
        if (codes.isEmpty()) {
            return Result.rejected(Refusal.invalid("code", WRONG_CODE));
        }
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.TOTP_ENABLED, accountId, "account:" + accountId, ""));
        return Result.ok(codes.get());
    }

    /** New recovery codes (the old ones stop working), for a current code of the app. */
    @Transactional
    public Result<List<String>> regenerateRecoveryCodes(String accountId, String code) {
        spendCodeBudget(accountId);
        return switch (factors.checkCode(accountId, code)) {
            case CODE_ACCEPTED -> Result.ok(factors.newRecoveryCodes(accountId));
            case REPLAYED -> Result.rejected(Refusal.invalid("code", REPLAYED));
            default -> Result.rejected(Refusal.invalid("code", WRONG_CODE));
        };
    }

    /** Turns the second factor off, for a current code or an unused recovery code. */
    @Transactional
    public Result<Void> disable(String accountId, String codeOrRecoveryCode) {
        var refusal = refusalFor(accountId, codeOrRecoveryCode, "code");
        if (refusal.isPresent()) {
            return Result.rejected(refusal.get());
        }
        factors.remove(accountId);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.TOTP_DISABLED, accountId, "account:" + accountId, ""));
        return Result.ok(null);
    }

    /**
     * The second step of signing in (page or API token): empty when the code or recovery code fits,
     * else the refusal for {@code field}. A failure is published as SIGN_IN_FAILED "second factor".
     */
    public Optional<Refusal> checkSignIn(String accountId, String codeOrRecoveryCode, String field) {
        var refusal = refusalFor(accountId, codeOrRecoveryCode, field);
        refusal.ifPresent(r -> events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_IN_FAILED, accountId,
                "account:" + accountId, "second factor")));
        return refusal;
    }

    /**
     * Every code tried for an account spends its budget, whatever the route and the address: six
     * digits must not be guessable by spreading attempts over sessions, addresses or parallel requests.
     */
    private void spendCodeBudget(String accountId) {
        var wait = rateLimiter.tryConsume(RateLimit.SECOND_FACTOR_PER_ACCOUNT, "account " + accountId);
        if (wait.isPresent()) {
            events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_IN_RATE_LIMITED, null, "account:" + accountId,
                    RateLimit.SECOND_FACTOR_PER_ACCOUNT.key()));
            throw new TooManyRequestsException(RateLimit.SECOND_FACTOR_PER_ACCOUNT, wait.get());
        }
    }

    private Optional<Refusal> refusalFor(String accountId, String input, String field) {
        spendCodeBudget(accountId);
        return switch (factors.check(accountId, input)) {
            case CODE_ACCEPTED -> Optional.empty();
            case RECOVERY_CODE_ACCEPTED -> {
                events.publishEvent(new SecurityEvent(SecurityEvent.Kind.RECOVERY_CODE_USED, accountId,
                        "account:" + accountId, factors.recoveryCodesLeft(accountId) + " left"));
                yield Optional.empty();
            }
            case REPLAYED -> Optional.of(Refusal.invalid(field, REPLAYED));
            case WRONG -> Optional.of(Refusal.invalid(field, WRONG_CODE_OR_RECOVERY));
        };
    }

    private String email(String accountId) {
        return accounts.find(accountId).orElseThrow().email();
    }
}

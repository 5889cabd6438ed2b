package org.polylogue.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polylogue.account.internal.AccountRepository;
import org.polylogue.account.internal.ApiTokens;
import org.polylogue.account.internal.EmailVerification;
import org.polylogue.account.internal.PasswordPolicy;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.web.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's front door: register, look up, issue API tokens. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final EmailVerification verification;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final PasswordPolicy policy;
    private final TwoFactor twoFactor;
    private volatile String unknownAccountHash;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, ApiTokens tokens, EmailVerification verification,
            ApplicationEventPublisher events, Clock clock, RateLimiter rateLimiter, PasswordPolicy policy,
            TwoFactor twoFactor) {
        this.rateLimiter = rateLimiter;
        this.policy = policy;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.verification = verification;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a person and sends the verification mail; refuses an email already registered and a
     * weak password ({@code weak-password}, at field {@code password}).
     */
    @Transactional
    public Result<AccountView> register(RegisterAccount request) {
        String email = normalizeEmail(request.email());
        var weak = policy.problem(request.password(), email, request.displayName());
        if (weak.isPresent()) {
            return Result.rejected(weakPassword("password", weak.get()));
        }
        if (accounts.findByEmail(email).isPresent()) {
            return Result.rejected(Refusal.conflict("email-taken", "An account with this email already exists.", "email"));
        }
        if (accounts.pseudonymTaken(request.displayName().strip())) {
            // a pseudonym identifies one person in public: nobody else may appear under it
            return Result.rejected(Refusal.conflict("name-taken",
                    "Someone already appears under this name in public; choose another display name.", "displayName"));
        }
        String id = Ids.next();
        accounts.insert(id, email, passwords.encode(request.password()), request.displayName().strip(), false,
                Instant.now(clock));
        verification.send(id, email, request.displayName().strip());
        events.publishEvent(new AccountRegistered(id));
        return Result.ok(accounts.find(id).orElseThrow());
    }

    /**
     * Checks email and password (and, for an account with a second factor, {@code otp}: a current code
     * of the app or an unused recovery code) and returns a new API token, shown once (no transaction:
     * Argon2 is slow). A missing or wrong {@code otp} is refused as {@code second-factor-required}.
     * Attempts per account are rate-limited like the sign-in form.
     */
    public Result<String> issueToken(String email, String password, String name, String otp) {
        rateLimiter.consume(RateLimit.SIGN_IN_PER_ACCOUNT, normalizeEmail(email == null ? "" : email));
        var account = accounts.findCredentials(normalizeEmail(email == null ? "" : email));
        if (account.isEmpty()) {
            // spend the same time as for a wrong password, so that answers do not reveal who is registered
            passwords.matches(password == null ? "" : password, unknownAccountHash());
        }
        if (account.isEmpty() || password == null || !passwords.matches(password, account.get().passwordHash())) {
            return Result.rejected(new Refusal(Refusal.Kind.UNAUTHENTICATED, "bad-credentials",
                    "The email or password is wrong.", java.util.List.of()));
        }
        String accountId = account.get().id();
        if (twoFactor.status(accountId).enabled()) {
            var refusal = otp == null || otp.isBlank() ? Optional.of(new Refusal(Refusal.Kind.INVALID, "", "",
                    java.util.List.of(new Refusal.FieldMessage("otp", "is required for this account"))))
                    : twoFactor.checkSignIn(accountId, otp, "otp");
            if (refusal.isPresent()) {
                return Result.rejected(new Refusal(Refusal.Kind.UNAUTHENTICATED, "second-factor-required",
                        "This account needs its second factor: send a current code of the authenticator app as otp.",
                        refusal.get().errors()));
            }
        }
        return Result.ok(tokens.issue(account.get().id(), name == null ? "API token" : name));
    }

    public Optional<AccountView> find(String accountId) {
        return accounts.find(accountId);
    }

    public Optional<AccountView> findByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email));
    }

    /**
     * The names shown publicly for the given accounts: the pseudonym where the person chose one, else
     * the display name; unknown ids are absent. Use this wherever others see a person's name.
     */
    public Map<String, String> publicNames(Collection<String> accountIds) {
        return accounts.publicNames(accountIds);
    }

    /**
     * For the secretariat only: who stands behind the pseudonyms of the given accounts. Accounts
     * without a pseudonym (and unknown ids) are absent. Never show this to the public.
     */
    public Map<String, VerifiedIdentity> identitiesBehindPseudonyms(Collection<String> accountIds) {
        return accounts.identitiesBehindPseudonyms(accountIds);
    }

    /** Display names of the given accounts, for a person's own or private views; unknown ids are absent. */
    public Map<String, String> displayNames(Collection<String> accountIds) {
        return accounts.displayNames(accountIds);
    }

    /** Creates or updates the platform administrator (at start, from the environment). */
    @Transactional
    public void ensureAdministrator(String email, String password) {
        String normalized = normalizeEmail(email);
        var existing = accounts.findByEmail(normalized);
        if (existing.isPresent()) {
            accounts.makeAdministrator(existing.get().id(), passwords.encode(password), Instant.now(clock));
        } else {
            String id = Ids.next();
            accounts.insert(id, normalized, passwords.encode(password), "Administrator", true, Instant.now(clock));
            accounts.makeAdministrator(id, passwords.encode(password), Instant.now(clock));
        }
    }

    /** Whether the person opened the link in the verification mail. */
    public boolean hasConfirmedEmail(String accountId) {
        // a confirmation is never taken back, so a "yes" is remembered (one query less per contribution)
        if (confirmed.getIfPresent(accountId) != null) {
            return true;
        }
        boolean yes = accounts.find(accountId).map(AccountView::emailVerified).orElse(false);
        if (yes) {
            confirmed.put(accountId, Boolean.TRUE);
        }
        return yes;
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> confirmed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000).build();

    /** Sends a new verification mail (the old links keep working until they expire). */
    @Transactional
    public Result<AccountView> resendVerification(String accountId) {
        var account = accounts.find(accountId).orElseThrow();
        if (account.emailVerified()) {
            return Result.rejected(Refusal.conflict("already-confirmed", "Your email address is already confirmed.",
                    "email"));
        }
        verification.send(account.id(), account.email(), account.displayName());
        return Result.ok(account);
    }

    /** Confirms an address without a mail: only for seeding demo content. */
    @Transactional
    public void confirmEmailForDemo(String accountId) {
        accounts.markVerified(accountId, Instant.now(clock));
    }

    /** Marks the email of the token's account verified; idempotent. */
    @Transactional
    public Result<AccountView> verifyEmail(String token) {
        return verification.verify(token);
    }

    /** The refusal of a weak password at {@code field}; the API answers it with 422. */
    static Refusal weakPassword(String field, String message) {
        return new Refusal(Refusal.Kind.INVALID, WEAK_PASSWORD, "The password is too weak.",
                java.util.List.of(new Refusal.FieldMessage(field, message)));
    }

    /** The problem type of a password refused by the strength check. */
    public static final String WEAK_PASSWORD = "weak-password";

    private String unknownAccountHash() {
        if (unknownAccountHash == null) {
            unknownAccountHash = passwords.encode("no account has this password " + Ids.next());
        }
        return unknownAccountHash;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

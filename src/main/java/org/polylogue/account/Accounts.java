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
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
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
    private volatile String unknownAccountHash;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, ApiTokens tokens, EmailVerification verification,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.verification = verification;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a person and sends the verification mail; refuses an email already registered. */
    @Transactional
    public Result<AccountView> register(RegisterAccount request) {
        String email = normalizeEmail(request.email());
        if (accounts.findByEmail(email).isPresent()) {
            return Result.rejected(Refusal.conflict("email-taken", "An account with this email already exists.", "email"));
        }
        String id = Ids.next();
        accounts.insert(id, email, passwords.encode(request.password()), request.displayName().strip(), false,
                Instant.now(clock));
        verification.send(id, email, request.displayName().strip());
        events.publishEvent(new AccountRegistered(id));
        return Result.ok(accounts.find(id).orElseThrow());
    }

    /** Checks email and password and returns a new API token, shown once (no transaction: Argon2 is slow). */
    public Result<String> issueToken(String email, String password, String name) {
        var account = accounts.findCredentials(normalizeEmail(email == null ? "" : email));
        if (account.isEmpty()) {
            // spend the same time as for a wrong password, so that answers do not reveal who is registered
            passwords.matches(password == null ? "" : password, unknownAccountHash());
        }
        if (account.isEmpty() || password == null || !passwords.matches(password, account.get().passwordHash())) {
            return Result.rejected(new Refusal(Refusal.Kind.UNAUTHENTICATED, "bad-credentials",
                    "The email or password is wrong.", java.util.List.of()));
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

    /** Marks the email of the token's account verified; idempotent. */
    @Transactional
    public Result<AccountView> verifyEmail(String token) {
        return verification.verify(token);
    }

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

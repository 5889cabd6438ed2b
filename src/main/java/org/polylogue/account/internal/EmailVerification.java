package org.polylogue.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.polylogue.account.AccountView;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Verification links: random, single purpose, stored hashed, valid for 48 hours, idempotent. */
@Component
public class EmailVerification {

    private static final Duration LIFETIME = Duration.ofHours(48);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final AccountRepository accounts;
    private final Clock clock;
    private final String publicUrl;
    private final org.springframework.context.ApplicationEventPublisher events;

    EmailVerification(JdbcClient jdbc, Mailer mailer, AccountRepository accounts, Clock clock,
            @Value("${polylogue.public-url}") String publicUrl,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.accounts = accounts;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public void send(String accountId, String email, String displayName) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into account_email_verification (token_hash, account_id, created_at, expires_at)
                values (:hash, :account, :now, :expires)""")
                .param("hash", ApiTokens.hash(token)).param("account", accountId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        var mail = new Mail(email, "Confirm your email address for Polylogue", """
                Hello %s,

                please confirm that this is your email address by opening this link within 48 hours:

                %s/verify-email?token=%s

                If you did not register on Polylogue, ignore this mail; nothing will happen.
                """.formatted(displayName, publicUrl, token));
        // only once the registration is committed: a refused or rolled-back registration sends nothing,
        // and no transaction waits for the mail server
        events.publishEvent(new VerificationMailReady(mail));
    }

    /** The mail, held in memory only (it carries the secret link) until the transaction commits. */
    record VerificationMailReady(Mail mail) {}

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void sendAfterCommit(VerificationMailReady ready) {
        mailer.send(ready.mail());
    }

    public Result<AccountView> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Result.rejected(Refusal.invalid("token", "is missing or malformed"));
        }
        var row = jdbc.sql("select account_id, expires_at from account_email_verification where token_hash = :hash")
                .param("hash", ApiTokens.hash(token))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).optional();
        if (row.isEmpty()) {
            return Result.rejected(new Refusal(Refusal.Kind.INVALID, "invalid-token",
                    "This verification link is not valid.", List.of(new Refusal.FieldMessage("token", "is not valid"))));
        }
        String accountId = (String) row.get()[0];
        var account = accounts.find(accountId).orElseThrow();
        if (account.emailVerified()) {
            return Result.ok(account);
        }
        if (((Instant) row.get()[1]).isBefore(Instant.now(clock))) {
            return Result.rejected(new Refusal(Refusal.Kind.INVALID, "expired-token",
                    "This verification link has expired.", List.of(new Refusal.FieldMessage("token", "has expired"))));
        }
        accounts.markVerified(accountId, Instant.now(clock));
        events.publishEvent(new org.polylogue.shared.security.SecurityEvent(
                org.polylogue.shared.security.SecurityEvent.Kind.EMAIL_VERIFIED, accountId, "account:" + accountId, ""));
        return Result.ok(accounts.find(accountId).orElseThrow());
    }
}

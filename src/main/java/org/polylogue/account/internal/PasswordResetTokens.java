package org.polylogue.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Password reset links: 192 random bits, stored as SHA-256 only, valid for one hour, used once; using
 * one voids every other outstanding link of the account. At most three mails an hour per account.
 */
@Component
public class PasswordResetTokens {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final int MAILS_PER_HOUR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    PasswordResetTokens(JdbcClient jdbc, Mailer mailer, Clock clock, ApplicationEventPublisher events,
            @Value("${polylogue.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Stores a new link and mails it after commit; false (nothing sent) when the hourly allowance is spent. */
    public boolean send(String accountId, String email, String displayName) {
        Instant now = Instant.now(clock);
        long recent = jdbc.sql("select count(*) from account_password_reset where account_id = :id and created_at > :since")
                .param("id", accountId).param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Long.class).single();
        if (recent >= MAILS_PER_HOUR) {
            return false;
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                insert into account_password_reset (token_hash, account_id, created_at, expires_at)
                values (:hash, :account, :now, :expires)""")
                .param("hash", ApiTokens.hash(token)).param("account", accountId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        events.publishEvent(new ResetMailReady(new Mail(email, "Reset your Polylogue password", """
                Hello %s,

                someone (hopefully you) asked to reset the password of your Polylogue account.
                To choose a new password, open this link within one hour:

                %s/reset-password?token=%s

                The link works once. If you did not ask for it, ignore this mail: your password stays
                as it is. Resetting the password does not turn off your second factor.
                """.formatted(displayName, publicUrl, token))));
        return true;
    }

    /** The mail, held in memory only (it carries the secret link) until the transaction commits. */
    record ResetMailReady(Mail mail) {}

    // sent on its own thread so that the answer to the request takes as long whether or not a mail goes out
    @TransactionalEventListener(fallbackExecution = true)
    void sendAfterCommit(ResetMailReady ready) {
        Thread.ofVirtual().name("password-reset-mail").start(() -> mailer.send(ready.mail()));
    }

    /** The account the link belongs to, if it is known, unused and unexpired. */
    public Result<String> accountOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Result.rejected(refusal("invalid-token", "This password reset link is not valid.", "is not valid"));
        }
        var row = jdbc.sql("select account_id, expires_at, used_at from account_password_reset where token_hash = :hash")
                .param("hash", ApiTokens.hash(token))
                .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) != null))
                .optional();
        if (row.isEmpty()) {
            return Result.rejected(refusal("invalid-token", "This password reset link is not valid.", "is not valid"));
        }
        if (row.get().used()) {
            return Result.rejected(refusal("used-token", "This password reset link was already used.", "was already used"));
        }
        if (!row.get().expiresAt().isAfter(Instant.now(clock))) {
            return Result.rejected(refusal("expired-token", "This password reset link has expired.", "has expired"));
        }
        return Result.ok(row.get().accountId());
    }

    /** Marks the link used and voids all other links of the account; false when another request used it first. */
    public boolean use(String token, String accountId) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int claimed = jdbc.sql("""
                update account_password_reset set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", ApiTokens.hash(token)).param("now", now).update();
        if (claimed != 1) {
            return false;
        }
        jdbc.sql("update account_password_reset set used_at = :now where account_id = :id and used_at is null")
                .param("id", accountId).param("now", now).update();
        return true;
    }

    private record Row(String accountId, Instant expiresAt, boolean used) {}

    static Refusal refusal(String code, String title, String message) {
        return new Refusal(Refusal.Kind.INVALID, code, title, List.of(new Refusal.FieldMessage("token", message)));
    }
}

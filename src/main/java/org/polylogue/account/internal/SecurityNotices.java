package org.polylogue.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a person by mail when a way into their account was added or changed, so that someone who
 * took over a session cannot quietly keep a passkey, a token or their own authenticator app.
 */
@Component
class SecurityNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<SecurityEvent.Kind, String> WHAT = Map.of(
            SecurityEvent.Kind.PASSKEY_ADDED, "a passkey was added to your account",
            SecurityEvent.Kind.PASSKEY_REMOVED, "a passkey was removed from your account",
            SecurityEvent.Kind.TOKEN_CREATED, "an API token was created for your account",
            SecurityEvent.Kind.TOTP_ENABLED, "an authenticator app was set up as your second factor",
            SecurityEvent.Kind.TOTP_DISABLED, "your second factor was turned off",
            SecurityEvent.Kind.RECOVERY_CODE_USED, "one of your recovery codes was used",
            SecurityEvent.Kind.PASSWORD_CHANGED, "your password was changed",
            SecurityEvent.Kind.PASSWORD_RESET, "your password was reset with a link from a mail",
            SecurityEvent.Kind.SIGN_OUT_EVERYWHERE, "you were signed out everywhere");

    private final AccountRepository accounts;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;

    SecurityNotices(AccountRepository accounts, Mailer mailer, Clock clock,
            @Value("${polylogue.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void notify(SecurityEvent event) {
        String what = WHAT.get(event.kind());
        String accountId = event.subject() != null && event.subject().startsWith("account:")
                ? event.subject().substring("account:".length()) : event.actorAccountId();
        if (what == null || accountId == null) {
            return;
        }
        accounts.find(accountId).ifPresent(account -> mailer.send(new Mail(account.email(),
                "Polylogue security notice: " + what, """
                Hello %s,

                on %s %s.

                If this was you, there is nothing to do. If it was not, someone may be using your account:
                sign out everywhere (%s/account/sessions), reset your password (%s/forgot-password), and
                check your passkeys, API tokens and second factor on %s/account.
                """.formatted(account.displayName(), WHEN.format(Instant.now(clock)), what, publicUrl, publicUrl,
                        publicUrl))));
    }
}

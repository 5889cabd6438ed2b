package org.polylogue.audit.internal;

import java.time.Clock;
import java.time.Instant;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every {@link SecurityEvent} once the work that caused it has committed (at once when no
 * transaction was running, e.g. a failed sign-in), and turns Spring Security's failed sign-ins into
 * security events (successful ones are published by the account module once every factor was given).
 */
@Component
@EnableScheduling
class AuditRecorder {

    private final AuditRepository repository;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditRecorder(AuditRepository repository, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(SecurityEvent event) {
        repository.insert(event, Instant.now(clock));
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        // the typed name is kept only when it is a registered account: no record of strangers' addresses
        String typed = event.getAuthentication().getName();
        String subject = typed == null ? null
                : accounts.findByEmail(typed).map(a -> "account:" + a.id()).orElse(null);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_IN_FAILED, null, subject,
                subject == null ? "unknown account" : reason(event.getException())));
    }

    private static String reason(Exception failure) {
        return switch (failure) {
            case org.springframework.security.authentication.BadCredentialsException e -> "wrong password";
            case org.springframework.security.authentication.LockedException e -> "account locked";
            case org.springframework.security.authentication.DisabledException e -> "account disabled";
            default -> failure.getClass().getSimpleName();
        };
    }
}

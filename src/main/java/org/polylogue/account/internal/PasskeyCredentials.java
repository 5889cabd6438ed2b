package org.polylogue.account.internal;

import java.util.List;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.ActorPrincipal;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The passkeys Spring Security keeps, in PostgreSQL through its {@link JdbcUserCredentialRepository},
 * with two additions: a label a person can read (trimmed, at most 100 characters, "Passkey" when
 * empty), and a {@link SecurityEvent} when a passkey is added or removed, whichever way that happens.
 * The only bean of its type, so Spring's WebAuthn filters use it.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

    static final int LABEL_LENGTH = 100;

    private final JdbcUserCredentialRepository delegate;
    private final ApplicationEventPublisher events;

    PasskeyCredentials(JdbcOperations jdbc, ApplicationEventPublisher events) {
        this.delegate = new JdbcUserCredentialRepository(jdbc);
        this.events = events;
    }

    @Override
    public void save(CredentialRecord record) {
        boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
        if (added) {
            record = ImmutableCredentialRecord.fromCredentialRecord(record).label(label(record.getLabel())).build();
        }
        delegate.save(record);
        if (added) {
            publish(SecurityEvent.Kind.PASSKEY_ADDED, record.getLabel());
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        var record = delegate.findByCredentialId(credentialId);
        delegate.delete(credentialId);
        if (record != null) {
            publish(SecurityEvent.Kind.PASSKEY_REMOVED, record.getLabel());
        }
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return delegate.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return delegate.findByUserId(userId);
    }

    static String label(String label) {
        String stripped = label == null ? "" : label.strip();
        if (stripped.isEmpty()) {
            return "Passkey";
        }
        return stripped.length() > LABEL_LENGTH ? stripped.substring(0, LABEL_LENGTH) : stripped;
    }

    private void publish(SecurityEvent.Kind kind, String label) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication != null && authentication.getPrincipal() instanceof ActorPrincipal p ? p.actor() : null;
        String accountId = actor == null ? null : actor.accountId();
        events.publishEvent(new SecurityEvent(kind, accountId, accountId == null ? null : "account:" + accountId, label));
    }
}

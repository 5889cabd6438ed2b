package org.polylogue.account;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test helper (found by component scanning in every test context): the security events published
 * while tests run, so that tests can check that a happening was recorded.
 */
@Component
public class RecordedSecurityEvents {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void record(SecurityEvent event) {
        if (events.size() > 10_000) {
            events.clear();
        }
        events.add(event);
    }

    /** The events of this kind concerning the account, oldest first. */
    public List<SecurityEvent> of(SecurityEvent.Kind kind, String accountId) {
        return events.stream().filter(e -> e.kind() == kind && accountId.equals(e.actorAccountId())).toList();
    }
}

package org.polylogue.moderation;

import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what in moderation, the module's one policy. In a process: its moderators (and
 * secretariat, and administrators) moderate; its secretariat publishes and retires rules. Outside
 * any process ({@code processId} null): platform administrators do both.
 */
@Component
public class ModerationPermissions {

    private final ProcessPermissions processes;

    ModerationPermissions(ProcessPermissions processes) {
        this.processes = processes;
    }

    public boolean canModerate(Actor actor, String processId) {
        if (processId == null) {
            return actor != null && actor.administrator();
        }
        return processes.canModerate(actor, processId);
    }

    public boolean canManageRules(Actor actor, String processId) {
        if (processId == null) {
            return actor != null && actor.administrator();
        }
        return processes.canRun(actor, processId);
    }

    /** Only the author of an item asks for a review of its hiding. */
    public boolean canRequestReview(Actor actor, ModeratedItem item) {
        return actor != null && item.authorAccountId() != null && item.authorAccountId().equals(actor.accountId());
    }
}

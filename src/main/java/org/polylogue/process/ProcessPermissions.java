package org.polylogue.process;

import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a process, the module's one policy. Administrators create processes and
 * appoint secretariats; a process's secretariat runs it (consultations, accreditation decisions)
 * and appoints its moderators; moderators moderate that process only.
 */
@Component
public class ProcessPermissions {

    private final ProcessRepository repository;

    ProcessPermissions(ProcessRepository repository) {
        this.repository = repository;
    }

    public boolean canCreateProcess(Actor actor) {
        return actor != null && actor.administrator();
    }

    /** Administrators and members of the process's secretariat. */
    public boolean canRun(Actor actor, String processId) {
        return actor != null && (actor.administrator() || repository.isSecretariat(processId, actor.accountId()));
    }

    /** Moderators of this very process, its secretariat and administrators. */
    public boolean canModerate(Actor actor, String processId) {
        return canRun(actor, processId) || (actor != null && repository.isModerator(processId, actor.accountId()));
    }

    /**
     * Whether the actor may appoint or remove holders of {@code role} in the process: administrators
     * for the secretariat; the secretariat (or an administrator) for moderators.
     */
    public boolean canManageRoles(Actor actor, String processId, ProcessRole role) {
        return switch (role) {
            case SECRETARIAT -> actor != null && actor.administrator();
            case MODERATOR -> canRun(actor, processId);
        };
    }

    /** Whether the actor may manage at least one role of the process (to offer the forms). */
    public boolean canManageRoles(Actor actor, String processId) {
        return canManageRoles(actor, processId, ProcessRole.MODERATOR);
    }
}

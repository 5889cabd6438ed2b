package org.polylogue.process;

import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/** Who may run processes: administrators create them; a process's secretariat runs its consultations. */
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
}

package org.polylogue.publishing;

import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what with exports. Downloading is open to everyone (open data). Generating an export
 * again on demand: for a process, its secretariat or an administrator; for the whole platform, an
 * administrator.
 */
@Component
public class ExportPermissions {

    private final ExportedProcesses processes;

    ExportPermissions(ExportedProcesses processes) {
        this.processes = processes;
    }

    /** @param process null for the whole platform */
    public boolean canRegenerate(Actor actor, ExportedProcess process) {
        if (actor == null) {
            return false;
        }
        if (actor.administrator()) {
            return true;
        }
        return process != null && processes.canRun(actor, process.id());
    }
}

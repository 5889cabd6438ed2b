package org.polylogue.publishing;

import java.util.List;
import java.util.Optional;
import org.polylogue.shared.security.Actor;

/**
 * Implemented by the process module (one bean): which processes exist and who runs them. Keeps the
 * publishing module free of a dependency on the process module, which itself exports.
 */
public interface ExportedProcesses {

    /** Every process, oldest first. */
    List<ExportedProcess> all();

    /** The process with this slug, or empty. */
    Optional<ExportedProcess> find(String slug);

    /** Whether the actor (null when signed out) runs the process: its secretariat or an administrator. */
    boolean canRun(Actor actor, String processId);
}

package org.polylogue.synthesis;

import org.polylogue.process.ConsultationView;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what with synthesis, the module's one policy. Digests and job progress are public
 * like the inputs they summarise; starting a run costs server time, so only the secretariat of the
 * process (or an administrator) starts one. Runs after new inputs start by themselves.
 */
@Component
public class SynthesisPermissions {

    private final ProcessPermissions processes;

    SynthesisPermissions(ProcessPermissions processes) {
        this.processes = processes;
    }

    public boolean canStart(Actor actor, ConsultationView consultation) {
        return processes.canRun(actor, consultation.processId());
    }
}

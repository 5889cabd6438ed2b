package org.polylogue.audit;

import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/** Who reads the audit log: platform administrators only. */
@Component
public class AuditPermissions {

    public boolean canRead(Actor actor) {
        return actor != null && actor.administrator();
    }
}

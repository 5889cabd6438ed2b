package org.polylogue.process;

import java.util.List;

/** The people holding roles in a process: its secretariat and its moderators, in order of appointment. */
public record ProcessRoleList(ProcessView process, List<RoleHolder> secretariat, List<RoleHolder> moderators) {

    public ProcessRoleList {
        secretariat = List.copyOf(secretariat);
        moderators = List.copyOf(moderators);
    }
}

package org.polylogue.process;

/** A role a person holds in one process. */
public enum ProcessRole {
    /** Runs the process: its consultations, meetings and accreditation decisions. Appointed by an administrator. */
    SECRETARIAT("Secretariat"),
    /** Moderates contributions in the process. Appointed by the secretariat or an administrator. */
    MODERATOR("Moderator");

    private final String label;

    ProcessRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The role of this name (SECRETARIAT or MODERATOR, any case), or null. */
    public static ProcessRole parse(String name) {
        if (name == null) {
            return null;
        }
        for (var role : values()) {
            if (role.name().equalsIgnoreCase(name.strip())) {
                return role;
            }
        }
        return null;
    }
}

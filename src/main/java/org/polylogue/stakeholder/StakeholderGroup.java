package org.polylogue.stakeholder;

/** The declared stakeholder group of an organisation. */
public enum StakeholderGroup {
    MEMBER_STATE("Member state"),
    INTERGOVERNMENTAL("Intergovernmental organisation"),
    PRIVATE_SECTOR("Private sector"),
    CIVIL_SOCIETY("Civil society"),
    ACADEMIA("Academia"),
    TECHNICAL_COMMUNITY("Technical community");

    private final String label;

    StakeholderGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The group of this name, or null. */
    public static StakeholderGroup parse(String name) {
        for (var group : values()) {
            if (group.name().equals(name)) {
                return group;
            }
        }
        return null;
    }
}

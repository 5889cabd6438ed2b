package org.polylogue.stakeholder;

/** Consultative status with the UN Economic and Social Council, where known. */
public enum EcosocStatus {
    GENERAL("General consultative status"),
    SPECIAL("Special consultative status"),
    ROSTER("Roster status");

    private final String label;

    EcosocStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

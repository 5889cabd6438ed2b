package org.polylogue.accreditation;

/** Where a request stands: the latest decision, else objected while an objection stands, else requested. */
public enum AccreditationState {
    REQUESTED("Requested"),
    OBJECTED("Objected to"),
    ACCREDITED("Accredited"),
    NOT_ACCREDITED("Not accredited");

    private final String label;

    AccreditationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state of this name (any case), or null. */
    public static AccreditationState parse(String name) {
        for (var state : values()) {
            if (name != null && state.name().equalsIgnoreCase(name.strip())) {
                return state;
            }
        }
        return null;
    }

    /** Undecided: an organisation has at most one open request per process. */
    public boolean open() {
        return this == REQUESTED || this == OBJECTED;
    }
}

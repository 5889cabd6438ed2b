package org.polylogue.amendment;

/** What the secretariat decided about an amendment. */
public enum DispositionDecision {
    ACCEPTED("Accepted"),
    PARTIALLY_ACCEPTED("Accepted in part"),
    REJECTED("Rejected"),
    MERGED("Merged into another amendment");

    private final String label;

    DispositionDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the amendment's text (or part of it) goes into the next version. */
    public boolean carried() {
        return this == ACCEPTED || this == PARTIALLY_ACCEPTED;
    }

    public static DispositionDecision parse(String name) {
        for (var decision : values()) {
            if (decision.name().equals(name)) {
                return decision;
            }
        }
        return null;
    }
}

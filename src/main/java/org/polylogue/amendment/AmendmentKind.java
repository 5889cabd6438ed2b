package org.polylogue.amendment;

/** What an amendment does to its paragraph. */
public enum AmendmentKind {
    REPLACE("Replace the paragraph"),
    INSERT_AFTER("Insert a new paragraph after it"),
    DELETE("Delete the paragraph");

    private final String label;

    AmendmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the amendment carries a text (the new paragraph). */
    public boolean needsText() {
        return this != DELETE;
    }

    /** The kind of this name, or null. */
    public static AmendmentKind parse(String name) {
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}

package org.polylogue.accreditation;

/** The kinds of step in the accreditation log. */
public enum EntryKind {
    REQUESTED("Requested accreditation"),
    OBJECTED("Objected"),
    OBJECTION_WITHDRAWN("Withdrew its objection"),
    DECIDED("Decided");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

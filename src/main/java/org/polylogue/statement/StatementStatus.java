package org.polylogue.statement;

/** Where a statement stands: drafted (text editable, not public), open for signing, or closed. */
public enum StatementStatus {
    DRAFT("Draft"),
    OPEN("Open for signing"),
    CLOSED("Signing closed");

    private final String label;

    StatementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

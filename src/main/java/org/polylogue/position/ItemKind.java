package org.polylogue.position;

/** What a stance is about; {@code code} is the word used in the API, exports and tables. */
public enum ItemKind {
    PROPOSAL("proposal"),
    CONSULTATION("consultation"),
    PARAGRAPH("paragraph"),
    AMENDMENT("amendment");

    private final String code;

    ItemKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind of this code, or null. */
    public static ItemKind parse(String code) {
        for (var kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}

package org.polylogue.position;

/** What backs a stance: something said on the platform, or an external page. */
public enum EvidenceKind {
    COMMENT("comment", "Comment"),
    TURN("turn", "Transcript turn"),
    STATEMENT("statement", "Joint statement"),
    SUBMISSION("submission", "Written submission"),
    AMENDMENT("amendment", "Amendment"),
    LINK("link", "External link");

    private final String code;
    private final String label;

    EvidenceKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The kind of this code, or null. */
    public static EvidenceKind parse(String code) {
        for (var kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}

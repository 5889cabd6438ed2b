package org.polylogue.position;

/** Who put a stance in the ledger, as pages label it. */
public enum RecordedAs {
    SECRETARIAT("secretariat", "recorded by the secretariat"),
    ORGANIZATION("organization", "by the organisation"),
    PERSON("person", "by the person"),
    CO_SIGNATURE("co-signature", "automatically from a co-signature"),
    AMENDMENT_SUPPORT("amendment-support", "automatically from support for an amendment");

    private final String code;
    private final String label;

    RecordedAs(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static RecordedAs parse(String code) {
        for (var value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(code);
    }
}

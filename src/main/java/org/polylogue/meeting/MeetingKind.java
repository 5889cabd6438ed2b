package org.polylogue.meeting;

/** What kind of meeting it is. */
public enum MeetingKind {
    FORMAL_SESSION("Formal session"),
    INFORMAL_CONSULTATION("Informal consultation"),
    ROUNDTABLE("Roundtable"),
    PANEL("Panel"),
    WEBINAR("Webinar");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of this name, or null. */
    public static MeetingKind parse(String name) {
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}

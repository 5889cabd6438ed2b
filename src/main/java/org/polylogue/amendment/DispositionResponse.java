package org.polylogue.amendment;

/** The secretariat's short answer to a comment. */
public enum DispositionResponse {
    TAKEN_INTO_ACCOUNT("Taken into account"),
    PARTLY_TAKEN_INTO_ACCOUNT("Partly taken into account"),
    NOT_TAKEN("Not taken into account"),
    NO_CHANGE("No change needed");

    private final String label;

    DispositionResponse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DispositionResponse parse(String name) {
        for (var response : values()) {
            if (response.name().equals(name)) {
                return response;
            }
        }
        return null;
    }
}

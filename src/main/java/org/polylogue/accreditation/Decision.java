package org.polylogue.accreditation;

/** The secretariat's decision on a request; a later decision supersedes an earlier one. */
public enum Decision {
    ACCREDITED,
    NOT_ACCREDITED;

    /** The decision of this name (any case), or null. */
    public static Decision parse(String name) {
        for (var decision : values()) {
            if (name != null && decision.name().equalsIgnoreCase(name.strip())) {
                return decision;
            }
        }
        return null;
    }

    public AccreditationState state() {
        return this == ACCREDITED ? AccreditationState.ACCREDITED : AccreditationState.NOT_ACCREDITED;
    }
}

package org.polylogue.accreditation;

/** How many requests of a process stand in each state. */
public record AccreditationCounts(long requested, long objected, long accredited, long notAccredited) {

    public long total() {
        return requested + objected + accredited + notAccredited;
    }

    public long of(AccreditationState state) {
        return switch (state) {
            case REQUESTED -> requested;
            case OBJECTED -> objected;
            case ACCREDITED -> accredited;
            case NOT_ACCREDITED -> notAccredited;
        };
    }
}

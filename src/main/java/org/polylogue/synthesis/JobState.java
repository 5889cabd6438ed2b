package org.polylogue.synthesis;

/** Where a synthesis job is. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    /** In words, for pages. */
    public String label() {
        return switch (this) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Finished";
            case FAILED -> "Failed";
        };
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

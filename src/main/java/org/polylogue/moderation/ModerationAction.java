package org.polylogue.moderation;

/** What the moderation log records. */
public enum ModerationAction {
    HIDDEN("Hidden"),
    DISMISSED("Reports dismissed"),
    REVIEW_REQUESTED("Review requested by the author"),
    KEPT("Kept hidden after review"),
    RESTORED("Shown again after review");

    private final String label;

    ModerationAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

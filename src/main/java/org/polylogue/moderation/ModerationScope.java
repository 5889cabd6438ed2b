package org.polylogue.moderation;

/**
 * Whose moderation: a process (its moderators, under its rules) or the platform ({@code processId}
 * null: administrators, under platform rules), with the base of its pages.
 */
public record ModerationScope(String processId, String processSlug, String title) {

    public static final ModerationScope PLATFORM = new ModerationScope(null, null, "Polylogue");

    public boolean platform() {
        return processId == null;
    }

    /** The public moderation page: {@code /processes/{slug}/moderation} or {@code /moderation}. */
    public String base() {
        return platform() ? "/moderation" : "/processes/" + processSlug + "/moderation";
    }
}

package org.polylogue.moderation;

/**
 * What moderation needs to know of one item.
 *
 * @param processId the process whose moderators decide; null for content outside any process
 *     (then platform administrators moderate it)
 * @param authorAccountId who is told when it is hidden and may ask for a review; null for content
 *     without an author on the platform (imported)
 * @param title a short label for the queue and the log, e.g. "Comment on paragraph 3"
 * @param excerpt the beginning of the text, for moderators (never shown in the public log)
 * @param path where the item is shown, e.g. {@code /consultations/x/comments/y}
 */
public record ModeratedItem(String kind, String id, String processId, String authorAccountId, String title,
        String excerpt, String path) {}

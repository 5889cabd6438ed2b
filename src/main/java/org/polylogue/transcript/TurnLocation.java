package org.polylogue.transcript;

/**
 * Where a transcript turn is: its meeting, the meeting's process, and the link to the turn.
 *
 * @param processId the meeting's process, or null for a meeting standing alone
 * @param anchor the site-relative link: {@code /meetings/{slug}/transcript#turn-{number}}
 */
public record TurnLocation(String turnId, int number, String meetingId, String meetingSlug, String meetingTitle,
        String processId, String anchor) {}

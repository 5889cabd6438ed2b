package org.polylogue.meeting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A meeting with what its page and the API show beside it.
 *
 * @param processSlug the process's slug, or null for a meeting standing alone
 * @param registered the number of confirmed places taken
 * @param waiting the number of people on the waiting list
 * @param placesLeft places still free, or null when there is no limit
 */
public record MeetingDetails(@JsonUnwrapped MeetingView meeting, String processSlug, String processTitle,
        List<MeetingDocument> documents, int registered, int waiting, Integer placesLeft, String url,
        String calendarUrl) {}

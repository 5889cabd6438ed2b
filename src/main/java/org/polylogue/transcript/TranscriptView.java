package org.polylogue.transcript;

import java.time.Instant;
import java.util.List;

/**
 * A meeting's transcript.
 *
 * @param status {@value #UNOFFICIAL} when the text says it is captioning and not an authoritative
 *     record, else {@value #TRANSCRIPT}
 * @param preamble the disclaimer as written at the top (normalised), or empty
 */
public record TranscriptView(String id, String meetingId, String meetingSlug, String title, String status,
        String preamble, String encoding, Instant importedAt, List<TurnView> turns, List<AudienceQuestion> questions) {

    public static final String UNOFFICIAL = "unofficial captioning";
    public static final String TRANSCRIPT = "transcript";

    public boolean unofficial() {
        return UNOFFICIAL.equals(status);
    }
}

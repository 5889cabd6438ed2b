package org.polylogue.transcript;

import java.util.List;

/**
 * A speaker label of a transcript with its current link and suggestions, for the secretariat.
 *
 * @param label the label as written
 * @param introducedAs the names the moderator gave the floor to just before this label spoke
 * @param link the confirmed link, or null; {@code personName}/{@code organizationName} its names
 */
public record SpeakerEntry(String label, int turns, int words, List<String> introducedAs, SpeakerLink link,
        String personName, String organizationName, List<Suggestion> suggestions) {

    /**
     * A possible link: a person (public name) and/or an organisation.
     *
     * @param reason why it is suggested, e.g. "name similar to the label" or "registered participant"
     */
    public record Suggestion(String accountId, String personName, String organizationId, String organizationName,
            String reason, double score) {}
}

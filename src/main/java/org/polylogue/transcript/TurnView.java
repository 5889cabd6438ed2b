package org.polylogue.transcript;

import java.util.List;

/**
 * One turn of a transcript as pages and the API show it.
 *
 * @param speaker the label as written, or null for an unknown speaker ({@code >>} alone)
 * @param introducedAs the name the previous speaker gave the floor to, or null
 * @param paragraphs the paragraphs as written
 * @param text the normalised text (for search and the API)
 * @param accountId the linked person, or null; {@code personName} their public name
 * @param organizationId the linked organisation, or null
 * @param anchor the site-relative link to the turn
 */
public record TurnView(String id, int number, String speaker, String introducedAs, int line, List<String> paragraphs,
        String text, int words, String accountId, String personName, String organizationId, String anchor) {

    /** The speaker as shown: the label, or "Unknown speaker". */
    public String speakerShown() {
        return speaker == null ? "Unknown speaker" : speaker;
    }
}

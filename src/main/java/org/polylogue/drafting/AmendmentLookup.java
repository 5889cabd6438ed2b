package org.polylogue.drafting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What pages below the amendment module (the consultation page, version pages) may ask about
 * amendments, implemented by the amendment module (which depends on this one, docs/adr/005).
 * Inject it as an optional bean.
 */
public interface AmendmentLookup {

    /** The kind under which the moderators hide amendments ({@code ContentHidden.kind()}). */
    String MODERATED_KIND = "amendment";

    /** The consultation an amendment belongs to; empty when there is no such amendment. */
    Optional<String> consultationOf(String amendmentId);

    /**
     * The number of amendments of each paragraph (by stable id) of a consultation that readers can see
     * (amendments hidden by the moderators are not counted); paragraphs without any are absent.
     */
    Map<String, Integer> countsByParagraph(String consultationId);

    /**
     * For version {@code versionNumber} of a document: the paragraphs (by stable id) that carry
     * accepted (or partly accepted) amendments made on the version before, with those amendments'
     * ids; the page links each paragraph back to {@code /consultations/{slug}/amendments/{id}}.
     * Only published dispositions count.
     */
    Map<String, List<String>> acceptedLinks(String documentId, int versionNumber);
}

package org.polylogue.shared.search;

import java.time.Instant;
import java.util.Set;

/**
 * One findable item as a content module describes it.
 *
 * @param kind the source's kind
 * @param id the item's id (unique within its kind)
 * @param title a short title for result lists (a consultation's title and paragraph number, a speaker...)
 * @param text the full text to index, as written (the search module detects its language if
 *     {@code language} is null)
 * @param path the site-relative link to the exact place (with its anchor), e.g.
 *     {@code /consultations/x#p-3}
 * @param processId the process it belongs to, or null
 * @param organizationId the organisation it speaks for, or null
 * @param stakeholderGroup the {@code StakeholderGroup} name of that organisation, or null
 * @param regionalGroup the {@code RegionalGroup} name of that organisation, or null
 * @param language ISO 639-1 code if known, else null
 * @param publishedAt when it became public
 * @param visibleTo empty when anyone may find it; otherwise the only account ids that may
 */
public record SearchDocument(String kind, String id, String title, String text, String path, String processId,
        String organizationId, String stakeholderGroup, String regionalGroup, String language, Instant publishedAt,
        Set<String> visibleTo) {

    public SearchDocument {
        visibleTo = visibleTo == null ? Set.of() : Set.copyOf(visibleTo);
    }
}

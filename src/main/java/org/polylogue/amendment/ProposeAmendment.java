package org.polylogue.amendment;

/**
 * An amendment as typed.
 *
 * @param paragraphId the stable id of a paragraph of the current draft
 * @param kind {@code REPLACE}, {@code INSERT_AFTER} or {@code DELETE}
 * @param text the new paragraph (required for REPLACE and INSERT_AFTER, absent for DELETE)
 * @param rationale why (required)
 * @param organizationId the organisation the person proposes for, or null for themselves
 */
public record ProposeAmendment(String paragraphId, String kind, String text, String rationale,
        String organizationId) {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_RATIONALE = 5_000;
}

package org.polylogue.amendment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amendment as typed.
 *
 * @param paragraphId the stable id of a paragraph of the current draft
 * @param kind {@code REPLACE}, {@code INSERT_AFTER} or {@code DELETE}
 * @param text the new paragraph (required for REPLACE and INSERT_AFTER, absent for DELETE)
 * @param rationale why (required)
 * @param organizationId the organisation the person proposes for, or null for themselves
 */
@Schema(example = "{\"paragraphId\": \"czqc79m4za4wpv63\", \"kind\": \"REPLACE\", \"text\": \"States should not conduct or knowingly support ICT activity that damages critical infrastructure.\", \"rationale\": \"Aligns the paragraph with the agreed 2015 norms.\", \"organizationId\": \"7q3y5ttek53ve7v9\"}")
public record ProposeAmendment(String paragraphId, String kind, String text, String rationale,
        String organizationId) {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_RATIONALE = 5_000;
}

package org.polylogue.statement;

/**
 * A new statement. {@code processSlug}, {@code consultationSlug} and {@code paragraphId} are optional
 * links: a paragraph needs its consultation, a consultation gives its process.
 */
public record DraftStatement(String title, String body, String organizationId, String processSlug,
        String consultationSlug, String paragraphId) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 20_000;
}

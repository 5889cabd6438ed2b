package org.polylogue.statement;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * A new statement. {@code processSlug}, {@code consultationSlug} and {@code paragraphId} are optional
 * links: a paragraph needs its consultation, a consultation gives its process.
 */
@Schema(example = "{\"title\": \"Protect CERTs\", \"body\": \"We call on all states to protect computer emergency response teams.\", \"organizationId\": \"7q3y5ttek53ve7v9\", \"consultationSlug\": \"apr-zero-draft\", \"paragraphId\": \"czqc79m4za4wpv63\"}")
public record DraftStatement(String title, String body, String organizationId, String processSlug,
        String consultationSlug, String paragraphId) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 20_000;
}

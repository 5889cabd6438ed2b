package org.polylogue.contribution;

import io.swagger.v3.oas.annotations.media.Schema;
/** A comment as typed: on a paragraph (or the whole document when null), optionally for an organisation. */
@Schema(example = "{\"paragraphId\": \"czqc79m4za4wpv63\", \"body\": \"Paragraph 3 should name the public core of the internet.\", \"organizationId\": \"7q3y5ttek53ve7v9\"}")
public record SubmitComment(String paragraphId, String body, String organizationId) {

    public static final int MAX_BODY = 20_000;
}

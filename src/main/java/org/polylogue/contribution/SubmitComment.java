package org.polylogue.contribution;

/** A comment as typed: on a paragraph (or the whole document when null), optionally for an organisation. */
public record SubmitComment(String paragraphId, String body, String organizationId) {

    public static final int MAX_BODY = 20_000;
}

package org.polylogue.contribution;

import java.time.Instant;

/**
 * A comment as pages and the API show it. {@code author} is the person's display name (or the
 * name given on paper for an imported comment); {@code organization} is null when the person
 * spoke for themselves.
 *
 * @param paragraphId null for a comment on the whole document
 * @param paragraphNumber the paragraph's number in the current version, or null
 * @param version the document version the comment was made on
 * @param editedAt when the author last corrected it (earlier texts are kept); null if never
 */
public record CommentView(String id, String consultationId, String paragraphId, Integer paragraphNumber, int version,
        String body, String bodyHtml, String author, OrganizationRef organization, String source, Instant createdAt,
        Instant editedAt) {

    /** The organisation a comment speaks for. {@code id} is null for an imported organisation name. */
    public record OrganizationRef(String id, String name, String stakeholderGroup, String country) {}
}

package org.polylogue.contribution.internal;

import java.time.Instant;

/** A comment as stored, before names of people and organisations are looked up. */
public record CommentRow(String id, String consultationId, String paragraphId, int version, String authorAccountId,
        String authorName, String organizationId, String organizationName, String stakeholderGroup, String country,
        String body, String bodyHtml, String source, Instant submittedAt, Instant editedAt) {

    /** A comment as first stored (never edited). */
    public CommentRow(String id, String consultationId, String paragraphId, int version, String authorAccountId,
            String authorName, String organizationId, String organizationName, String stakeholderGroup, String country,
            String body, String bodyHtml, String source, Instant submittedAt) {
        this(id, consultationId, paragraphId, version, authorAccountId, authorName, organizationId, organizationName,
                stakeholderGroup, country, body, bodyHtml, source, submittedAt, null);
    }
}

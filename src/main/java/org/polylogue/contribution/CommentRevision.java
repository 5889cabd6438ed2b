package org.polylogue.contribution;

import java.time.Instant;

/** An earlier text of a comment: what it said from {@code writtenAt} until {@code replacedAt}. */
public record CommentRevision(int revision, String body, Instant writtenAt, Instant replacedAt) {}

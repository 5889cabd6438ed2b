package org.polylogue.contribution;

/** Published when a comment is made public (submitted or imported). */
public record CommentSubmitted(String commentId, String consultationId, String paragraphId, String organizationId) {}

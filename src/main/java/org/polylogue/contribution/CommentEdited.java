package org.polylogue.contribution;

/** Published when the author corrected a comment (its earlier text is kept as a revision). */
public record CommentEdited(String commentId, String consultationId, int revision) {}

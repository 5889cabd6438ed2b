package org.polylogue.amendment.web;

import org.polylogue.amendment.DispositionView;
import org.polylogue.contribution.CommentView;

/** One of the person's comments that got a published answer. */
public record AnsweredComment(CommentView comment, String consultationSlug, DispositionView disposition) {}

package org.polylogue.contribution.web;

import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.internal.CommentMarkdown;

/**
 * A comment as the first view of a consultation shows it under its paragraph: whole when it is
 * short, otherwise the start of its text. Keeps the page light whatever the length of comments (up
 * to 20,000 characters each); the paragraph's own page shows them all in full.
 *
 * @param excerpt null when the comment is shown whole
 */
public record CommentPreview(CommentView comment, String excerpt) {

    /** Characters of text shown at most; a comment this short or shorter is shown whole. */
    static final int LENGTH = 160;

    static CommentPreview of(CommentView comment) {
        if (comment.hidden() != null) {
            return new CommentPreview(comment, null);
        }
        String text = CommentMarkdown.toPlainText(comment.body());
        // the markup of a short text can still be long (link addresses), hence the second bound
        if (text.length() <= LENGTH && comment.bodyHtml().length() <= 2 * LENGTH) {
            return new CommentPreview(comment, null);
        }
        return new CommentPreview(comment, excerpt(text));
    }

    public boolean whole() {
        return excerpt == null;
    }

    /** The text cut at the last space before {@link #LENGTH} characters (or at the length), with an ellipsis. */
    static String excerpt(String text) {
        if (text.length() <= LENGTH) {
            return text;
        }
        int end = text.lastIndexOf(' ', LENGTH);
        if (end < LENGTH / 2) {
            end = Character.isLowSurrogate(text.charAt(LENGTH)) ? LENGTH - 1 : LENGTH;
        }
        String cut = text.substring(0, end).stripTrailing();
        while (!cut.isEmpty() && ",;:.-–(".indexOf(cut.charAt(cut.length() - 1)) >= 0) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}

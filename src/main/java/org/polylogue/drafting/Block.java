package org.polylogue.drafting;

/**
 * One block of a document version in reading order: a section heading (level 1 to 6, no id or
 * number) or a numbered paragraph with its stable id.
 */
public record Block(Kind kind, int level, String paragraphId, int number, String text) {

    public enum Kind {
        HEADING,
        PARAGRAPH
    }

    public boolean isHeading() {
        return kind == Kind.HEADING;
    }
}

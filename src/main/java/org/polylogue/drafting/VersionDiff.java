package org.polylogue.drafting;

import java.util.List;

/**
 * Two versions compared paragraph by paragraph, in the reading order of {@code to} with removed
 * paragraphs where they stood. {@code segments} is the word-level redline from the old text to the
 * new one (only equal segments when unchanged; only inserted ones for a new paragraph).
 */
public record VersionDiff(int from, int to, List<Row> rows) {

    public VersionDiff {
        rows = List.copyOf(rows);
    }

    /**
     * One row: a heading of {@code to} (change null), or a paragraph with its old ({@code before})
     * and new ({@code after}) state; either is null for new and removed paragraphs. {@code note}
     * says what a plain redline cannot: "moved from ¶4", "split from ¶7", "merges ¶3 and ¶5".
     */
    public record Row(ChangeKind change, Block before, Block after, List<Segment> segments, String note) {
        public Row {
            segments = List.copyOf(segments);
        }

        public boolean isHeading() {
            return change == null;
        }
    }

    /** A run of words: kept, inserted or deleted. */
    public record Segment(Kind kind, String text) {
        public enum Kind {
            EQUAL,
            INSERTED,
            DELETED
        }

        public boolean isInserted() {
            return kind == Kind.INSERTED;
        }

        public boolean isDeleted() {
            return kind == Kind.DELETED;
        }
    }
}

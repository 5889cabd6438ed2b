package org.polylogue.drafting;

/**
 * What became of a paragraph from one version to the next. A paragraph that keeps its stable id is
 * {@link #UNCHANGED}, {@link #EDITED} or {@link #MOVED} (moved, possibly edited too); the larger part of
 * a split keeps the id and the other parts are new paragraphs marked {@link #SPLIT} from it; a merge
 * keeps the id of its main source ({@link #MERGED}), the other sources are recorded as merged into it.
 */
public enum ChangeKind {
    UNCHANGED,
    EDITED,
    MOVED,
    SPLIT,
    MERGED,
    NEW,
    DELETED
}

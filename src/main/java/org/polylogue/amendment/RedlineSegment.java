package org.polylogue.amendment;

/** A run of words of a redline: kept as is, inserted, or deleted. */
public record RedlineSegment(Type type, String text) {

    public enum Type {
        SAME,
        INSERTED,
        DELETED
    }
}

package org.polylogue.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups streamed rows into small batches, for sources that must look something up per row (names,
 * moderation notices) with one query per batch instead of one per row. Memory stays bounded by the
 * batch size. Call {@link #add} per row and {@link #flush} once at the end.
 */
public final class ExportBatch<T> {

    /** The batch size the built-in sources use. */
    public static final int SIZE = 500;

    private final int size;
    private final Consumer<List<T>> handler;
    private List<T> items;

    public ExportBatch(int size, Consumer<List<T>> handler) {
        this.size = size;
        this.handler = handler;
        this.items = new ArrayList<>(size);
    }

    public void add(T item) {
        items.add(item);
        if (items.size() >= size) {
            flush();
        }
    }

    public void flush() {
        if (!items.isEmpty()) {
            List<T> full = items;
            items = new ArrayList<>(size);
            handler.accept(full);
        }
    }
}

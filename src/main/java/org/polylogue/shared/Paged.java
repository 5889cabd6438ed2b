package org.polylogue.shared;

import java.util.List;

/** One page of a list, as the API answers it: {@code {"items", "page", "size", "total"}}. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public Paged {
        items = List.copyOf(items);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}

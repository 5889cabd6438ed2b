package org.polylogue.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results, with the counts per facet value over all of them.
 *
 * @param facets per facet ({@code kind}, {@code process}, {@code group}, {@code region},
 *     {@code organization}, {@code language}, {@code year}) its values, most frequent first
 * @param notice a message about the query itself (e.g. that it was shortened), or null
 */
public record SearchResults(long total, Map<String, List<FacetValue>> facets, List<SearchHit> items, int page,
        int size, String notice) {

    public int pages() {
        return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}

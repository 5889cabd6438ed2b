package org.polylogue.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results, with the counts per facet value over all of them.
 *
 * @param facets per facet ({@code kind}, {@code process}, {@code group}, {@code region},
 *     {@code organization}, {@code language}, {@code year}) its values, most frequent first
 * @param notice a message about the query itself (e.g. that it was shortened), or null
 * @param estimated whether {@code total} and the facet counts are estimated from a sample of the
 *     index (a search matching more than {@value #EXACT_UP_TO} items, unless exact counts were asked for)
 */
public record SearchResults(long total, Map<String, List<FacetValue>> facets, List<SearchHit> items, int page,
        int size, String notice, boolean estimated) {

    /** Up to this many matches, counts are always exact. */
    public static final int EXACT_UP_TO = 5_000;
    /** Results beyond this position are not paged to (narrow the search instead). */
    public static final int DEEPEST = 10_000;

    /** Pages that can be shown: up to {@link #DEEPEST} results. */
    public int pages() {
        return size == 0 ? 0 : (int) ((Math.min(total, DEEPEST) + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}

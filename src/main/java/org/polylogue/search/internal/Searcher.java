package org.polylogue.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.polylogue.search.FacetValue;
import org.polylogue.search.SearchHit;
import org.polylogue.search.SearchQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a query against the current index: filters, visibility, one page of hits by relevance or
 * date, facets with counts, and a highlighted snippet per hit (escaped HTML, {@code <mark>} around
 * matches). Pages end at {@link #DEEPEST}.
 *
 * <p>The page of hits is found without visiting every match (Lucene skips what cannot reach the
 * page). Counts are exact up to {@link #EXACT_UP_TO} matches; beyond that, unless the caller asks
 * for exact counts, the total and the facet counts are estimated from a sample of the index (runs
 * of consecutive documents spread over it) holding at least {@link Counting#SAMPLE_SIZE} matches, and
 * {@link Found#estimated()} says so. A search for a word in half the index thus costs
 * about what a search for a rare word costs.
 *
 * <p>Each segment of the index is searched on its own and the segments' results are merged
 * ({@link SegmentResults}): what a query found in a segment is kept while that segment is
 * unchanged, so after a publication a repeated search only works on the new segment (ADR 010).
 * Whole results are also kept for one state of the index.
 */
@Component
public class Searcher {

    /** How deep paging goes: a page past this is empty. */
    public static final int DEEPEST = org.polylogue.search.SearchResults.DEEPEST;
    /** Up to this many matches, the total and the facets are counted exactly. */
    public static final int EXACT_UP_TO = org.polylogue.search.SearchResults.EXACT_UP_TO;

    private final SearchIndex index;
    private final SegmentResults segments;

    /** Results of this index reader, by what was asked and by whom; null: no cache. */
    private final Cache<Key, Found> results;

    private record Key(Object reader, SearchQuery request, Query text, String accountId, boolean everything,
            boolean exact) {}

    /** Without a cache of results (for tests of the engine itself): every search works everything out. */
    Searcher(SearchIndex index) {
        this(index, 0, 0);
    }

    /**
     * @param cachedMegabytes about how much to keep of whole results, for repeated searches (0:
     *     none). An entry belongs to one state of the index: once something is published, it is not
     *     used again.
     * @param segmentMegabytes about how much to keep of what searches found in each segment (0:
     *     nothing); this survives publishing, since publishing leaves most segments as they were
     */
    @Autowired
    Searcher(SearchIndex index, @Value("${polylogue.search.result-cache-mb:-1}") int cachedMegabytes,
            @Value("${polylogue.search.segment-cache-mb:-1}") int segmentMegabytes) {
        // unset (-1): as much as a small heap can spare, up to 32 and 128 MB
        cachedMegabytes = cachedMegabytes < 0 ? SearchIndex.heapShare(32, 32) : cachedMegabytes;
        segmentMegabytes = segmentMegabytes < 0 ? SearchIndex.heapShare(128, 8) : segmentMegabytes;
        this.index = index;
        this.results = cachedMegabytes <= 0 ? null
                : Caffeine.newBuilder().maximumWeight(cachedMegabytes * 1024L * 1024L)
                        .weigher((Key key, Found found) -> weight(found)).build();
        this.segments = new SegmentResults(segmentMegabytes);
    }

    /** About how many bytes a result takes. */
    private static int weight(Found found) {
        long bytes = 512;
        for (SearchHit hit : found.hits()) {
            bytes += Snippets.bytes(hit);
        }
        for (var values : found.facets().values()) {
            for (FacetValue value : values) {
                bytes += 64 + 2L * (value.value().length() + value.label().length());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * A page of raw results; facet values are ids (labels are added by the caller).
     *
     * @param estimated whether {@code total} and the facet counts are estimates from a sample
     */
    public record Found(long total, Map<String, List<FacetValue>> facets, List<SearchHit> hits, boolean estimated) {}

    /** Counts exactly only where that is cheap (see the class comment). */
    public Found search(SearchQuery request, Query text, String accountId, boolean everything) {
        return search(request, text, accountId, everything, false);
    }

    /**
     * @param accountId who searches (null: the public); {@code everything} lets an administrator see
     *     what is visible to few
     * @param exact count every match however many there are (slower for very broad searches)
     */
    public Found search(SearchQuery request, Query text, String accountId, boolean everything, boolean exact) {
        Query query = FilteredQuery.of(request, text, accountId, everything);
        long skip = (long) request.page() * request.size();
        int wanted = (int) Math.min(DEEPEST, skip + request.size());
        boolean byDate = request.byDate() || text instanceof MatchAllDocsQuery;
        return index.search(searcher -> {
            if (results == null) {
                return run(searcher, query, wanted, skip, byDate, exact);
            }
            var key = new Key(searcher.getIndexReader().getReaderCacheHelper().getKey(), request, text, accountId,
                    everything, exact);
            return results.get(key, k -> run(searcher, query, wanted, skip, byDate, exact));
        });
    }

    private Found run(IndexSearcher searcher, Query query, int wanted, long skip, boolean byDate, boolean exact) {
        int depth = Math.max(1, wanted);
        var pass = segments.pass(searcher, query, byDate, depth);
        try {
            var leaves = pass.leaves();
            // how many matches, about: few are all counted, together with finding the best
            int documents = pass.reader().maxDoc();
            boolean every = exact || documents <= EXACT_UP_TO;
            int first = Counting.firstLevel(documents);
            Counting.Sampled sample = every ? null : Counting.sampled(pass, first);
            every |= sample != null && sample.estimate() <= EXACT_UP_TO;
            if (every) {
                for (int i = 0; i < leaves.size(); i++) {
                    pass.topAndCounts(i, depth);
                }
            }
            List<Ranked> candidates = new ArrayList<>();
            long knownTotal = 0;
            boolean totalKnown = true;
            for (int i = 0; i < leaves.size(); i++) {
                var top = pass.top(i, depth);
                knownTotal += top.total();
                totalKnown &= top.totalExact();
                int base = leaves.get(i).docBase;
                for (int h = 0; h < Math.min(depth, top.docs().length); h++) {
                    candidates.add(new Ranked(i, top.docs()[h], base + top.docs()[h], top.scores()[h],
                            top.published()[h]));
                }
            }
            candidates.sort(byDate ? NEWEST_FIRST : MOST_RELEVANT_FIRST);
            List<Ranked> page = skip >= candidates.size() ? List.of()
                    : candidates.subList((int) skip, Math.min(candidates.size(), wanted));
            Counting.Counts counts = every || totalKnown && knownTotal <= EXACT_UP_TO
                    ? Counting.counts(pass, SegmentResults.EVERY_DOCUMENT, false, 0)
                    : Counting.estimate(pass, sample, first, totalKnown ? knownTotal : -1);
            return new Found(counts.total(), counts.facets(), hits(pass, searcher, query, page), counts.estimated());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pass.finish();
        }
    }

    /** A match of one segment, placed among the matches of all segments. */
    private record Ranked(int segment, int doc, int globalDoc, float score, long published) {}

    private static final Comparator<Ranked> MOST_RELEVANT_FIRST = Comparator
            .comparingDouble((Ranked r) -> -r.score()).thenComparingInt(Ranked::globalDoc);
    private static final Comparator<Ranked> NEWEST_FIRST = Comparator.comparingLong((Ranked r) -> -r.published())
            .thenComparingDouble(r -> -r.score()).thenComparingInt(Ranked::globalDoc);

    /** The hits of the page, each made once per segment and query (snippets included) and kept. */
    private List<SearchHit> hits(SegmentResults.Pass pass, IndexSearcher searcher, Query query, List<Ranked> page)
            throws IOException {
        SearchHit[] hits = new SearchHit[page.size()];
        List<Integer> missing = new ArrayList<>();
        for (int p = 0; p < page.size(); p++) {
            hits[p] = pass.hit(page.get(p).segment(), page.get(p).doc());
            if (hits[p] == null) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            var docs = missing.stream().map(p -> new ScoreDoc(page.get(p).globalDoc(), page.get(p).score()))
                    .toArray(ScoreDoc[]::new);
            var made = Snippets.hits(searcher, query, docs);
            for (int m = 0; m < missing.size(); m++) {
                int p = missing.get(m);
                hits[p] = made.get(m);
                pass.keepHit(page.get(p).segment(), page.get(p).doc(), hits[p]);
            }
        }
        return List.of(hits);
    }
}

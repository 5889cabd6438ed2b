package org.polylogue.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;
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
 * of consecutive documents spread over it) holding at least {@link #SAMPLE_SIZE} matches, and
 * {@link Found#estimated()} says so. A search for a word in half the index thus costs
 * about what a search for a rare word costs. Repeated searches are answered from a cache of results
 * that belongs to one state of the index (anything published makes the next search fresh).
 */
@Component
public class Searcher {

    /** How deep paging goes: a page past this is empty. */
    public static final int DEEPEST = org.polylogue.search.SearchResults.DEEPEST;
    /** Up to this many matches, the total and the facets are counted exactly. */
    public static final int EXACT_UP_TO = org.polylogue.search.SearchResults.EXACT_UP_TO;
    /** Estimates are made from at least this many matches (when there are that many). */
    static final int SAMPLE_SIZE = 1_000;
    /** The first sample looks at this many documents. */
    private static final int FIRST_SAMPLE = 4_096;
    /** Sampled documents come in runs of up to this many. */
    private static final int WINDOW = 1_024;
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_LENGTH = 10_000;

    private final SearchIndex index;
    private volatile SortedSetDocValuesReaderState facetState;

    /** Results of this index reader, by what was asked and by whom; null: no cache. */
    private final Cache<Key, Found> results;

    private record Key(Object reader, SearchQuery request, Query text, String accountId, boolean everything,
            boolean exact) {}

    /** Without a cache of results (for tests of the engine itself). */
    Searcher(SearchIndex index) {
        this(index, 0);
    }

    /**
     * @param cached how many results to keep for repeated searches (0: none). An entry belongs to
     *     one state of the index: once something is published, searches are answered afresh.
     */
    @Autowired
    Searcher(SearchIndex index, @Value("${polylogue.search.result-cache:1000}") int cached) {
        this.index = index;
        this.results = cached <= 0 ? null : Caffeine.newBuilder().maximumSize(cached).build();
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
        var filtered = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        filter(filtered, IndexedDocuments.KIND, request.kind());
        filter(filtered, IndexedDocuments.PROCESS, request.processId());
        filter(filtered, IndexedDocuments.GROUP, request.group());
        filter(filtered, IndexedDocuments.REGION, request.region());
        filter(filtered, IndexedDocuments.ORGANIZATION, request.organizationId());
        filter(filtered, IndexedDocuments.LANGUAGE, request.language());
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
            filtered.add(LongPoint.newRangeQuery(IndexedDocuments.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        if (!everything) {
            var restricted = new TermQuery(new Term(IndexedDocuments.RESTRICTED, IndexedDocuments.RESTRICTED));
            if (accountId == null) {
                filtered.add(restricted, BooleanClause.Occur.MUST_NOT);
            } else {
                // not restricted, or restricted to a set of accounts that holds this one
                var excluded = new BooleanQuery.Builder().add(restricted, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexedDocuments.VISIBLE, accountId)), BooleanClause.Occur.MUST_NOT);
                filtered.add(excluded.build(), BooleanClause.Occur.MUST_NOT);
            }
        }
        Query query = filtered.build();
        long skip = (long) request.page() * request.size();
        int wanted = (int) Math.min(DEEPEST, skip + request.size());
        boolean byDate = request.byDate() || text instanceof MatchAllDocsQuery;
        return index.search(searcher -> {
            if (results == null) {
                return run(searcher, query, text, wanted, skip, byDate, exact);
            }
            var key = new Key(searcher.getIndexReader().getReaderCacheHelper().getKey(), request, text, accountId,
                    everything, exact);
            return results.get(key, k -> run(searcher, query, text, wanted, skip, byDate, exact));
        });
    }

    private Found run(IndexSearcher searcher, Query query, Query text, int wanted, long skip, boolean byDate,
            boolean exact) {
            try {
                TopDocs top = byDate
                        ? searcher.search(query, new TopFieldCollectorManager(new Sort(
                                new SortField(IndexedDocuments.PUBLISHED, SortField.Type.LONG, true),
                                SortField.FIELD_SCORE), Math.max(1, wanted), null, Math.max(1, wanted)))
                        : searcher.search(query, new TopScoreDocCollectorManager(Math.max(1, wanted), Math.max(1, wanted)));
                Counts counts = count(searcher, query, top.totalHits, exact);
                ScoreDoc[] page = skip >= top.scoreDocs.length ? new ScoreDoc[0]
                        : Arrays.copyOfRange(top.scoreDocs, (int) skip, Math.min(top.scoreDocs.length, wanted));
                return new Found(counts.total(), counts.facets(), hits(searcher, query, page), counts.estimated());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
    }

    /** The total and the facets, counted over every match or estimated from a sample. */
    private record Counts(long total, Map<String, List<FacetValue>> facets, boolean estimated) {}

    private Counts count(IndexSearcher searcher, Query query, TotalHits seen, boolean exact) throws IOException {
        int documents = searcher.getIndexReader().maxDoc();
        boolean totalKnown = seen.relation() == TotalHits.Relation.EQUAL_TO;
        if (exact || documents <= EXACT_UP_TO || totalKnown && seen.value() <= EXACT_UP_TO) {
            return counted(searcher, query);
        }
        // many matches: count them in a small sample of the index first
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        double fraction = Math.min(1, (double) FIRST_SAMPLE / documents);
        var sample = sample(searcher, weight, fraction);
        long matches = matches(sample.collected());
        double estimate = matches / sample.share();
        if (estimate <= EXACT_UP_TO) {
            return counted(searcher, query);
        }
        if (matches < SAMPLE_SIZE) {
            // then in a sample large enough to hold SAMPLE_SIZE of them at the rate just seen
            fraction = Math.min(1, sample.share() * SAMPLE_SIZE * 1.2 / Math.max(1, matches));
            if (fraction >= 0.5) {
                return counted(searcher, query);
            }
            sample = sample(searcher, weight, fraction);
            matches = matches(sample.collected());
        }
        double scale = 1 / sample.share();
        // Lucene often knows the total of a one-word search without counting: then it is exact
        return new Counts(totalKnown ? seen.value() : Math.round(matches * scale),
                facets(searcher.getIndexReader(), sample.collected(), scale), true);
    }

    /** The matches among about {@code fraction} of the documents, and the share of the index looked at. */
    private record Sample(FacetsCollector collected, double share) {}

    /**
     * Collects the matches of {@code weight} in windows of up to {@link #WINDOW} consecutive
     * documents spread evenly over every segment, about {@code fraction} of each. Documents are in
     * the order they were indexed, so the windows cover the whole period; consecutive documents
     * decode together, which makes a window far cheaper than as many scattered documents.
     */
    private static Sample sample(IndexSearcher searcher, Weight weight, double fraction) throws IOException {
        var collector = new FacetsCollector();
        long looked = 0;
        long all = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int max = leaf.reader().maxDoc();
            all += max;
            int window = (int) Math.max(1, Math.min(WINDOW, Math.round(max * fraction)));
            long stride = Math.max(window, Math.round(window / fraction));
            for (long start = 0; start < max; start += stride) {
                looked += Math.min(max, start + window) - start;
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            var leafCollector = collector.getLeafCollector(leaf);
            leafCollector.setScorer(scorer);
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            Bits live = leaf.reader().getLiveDocs();
            int doc = -1;
            for (long start = 0; start < max && doc != DocIdSetIterator.NO_MORE_DOCS; start += stride) {
                int end = (int) Math.min(max, start + window);
                doc = doc < start ? approximation.advance((int) start) : doc;
                while (doc < end) {
                    if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
                        leafCollector.collect(doc);
                    }
                    doc = approximation.nextDoc();
                }
            }
            leafCollector.finish();
        }
        return new Sample(collector, all == 0 ? 1 : (double) looked / all);
    }

    private Counts counted(IndexSearcher searcher, Query query) throws IOException {
        var collected = searcher.search(query, new FacetsCollectorManager());
        return new Counts(matches(collected), facets(searcher.getIndexReader(), collected, 1), false);
    }

    private static long matches(FacetsCollector collected) {
        return collected.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        // each document is read once: for the hit and for its snippet
        var stored = searcher.storedFields();
        Map<Integer, Document> documents = new HashMap<>();
        for (ScoreDoc hit : page) {
            documents.put(hit.doc, stored.document(hit.doc));
        }
        var builder = UnifiedHighlighter.builder(searcher, Languages.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(SNIPPET_LENGTH).withMaxNoHighlightPassages(1)
                // the query's words from every language's field mark the text, whichever field it is in
                .withFieldMatcher(field -> true).withWeightMatches(false);
        var highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    var document = documents.get(doc);
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String text = document == null ? null : document.get(fields[f]);
                        texts[f] = text == null ? "" : text;
                    }
                    values.add(texts);
                }
                return values;
            }
        };
        // only the fields of the languages on this page
        var fields = Arrays.stream(page).map(hit -> Languages.field(documents.get(hit.doc).get(IndexedDocuments.LANGUAGE)))
                .distinct().toArray(String[]::new);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 2);
        var topDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        Map<String, String[]> snippets = highlighter.highlightFields(fields, query, topDocs, passages);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            var doc = documents.get(page[i].doc);
            String snippet = null;
            for (String field : fields) {
                String[] values = snippets.get(field);
                if (values != null && values[i] != null) {
                    snippet = values[i];
                    break;
                }
            }
            var published = doc.getField(IndexedDocuments.PUBLISHED);
            hits.add(new SearchHit(doc.get(IndexedDocuments.KIND), doc.get(IndexedDocuments.ID),
                    doc.get(IndexedDocuments.TITLE), snippet == null ? "" : snippet, doc.get(IndexedDocuments.PATH),
                    doc.get(IndexedDocuments.LANGUAGE),
                    published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue())));
        }
        return hits;
    }

    private Map<String, List<FacetValue>> facets(IndexReader reader, FacetsCollector collected, double scale)
            throws IOException {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        IndexedDocuments.FACETS.forEach(name -> facets.put(name, List.of()));
        var state = facetState(reader);
        if (state == null) {
            return facets;
        }
        var counts = new SortedSetDocValuesFacetCounts(state, collected);
        for (String name : IndexedDocuments.FACETS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(FACET_VALUES, name);
            } catch (IllegalArgumentException noValuesYet) {
                continue;
            }
            if (result != null) {
                facets.put(name, Arrays.stream(result.labelValues)
                        .map(v -> new FacetValue(v.label, v.label, Math.round(v.value.longValue() * scale))).toList());
            }
        }
        return facets;
    }

    /** The ordinals of facet values, built once per reader (that is, after each refresh). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        var state = facetState;
        if (state != null && state.getReader() == reader) {
            return state;
        }
        synchronized (this) {
            state = facetState;
            if (state != null && state.getReader() == reader) {
                return state;
            }
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, IndexedDocuments.FACETS_CONFIG);
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
            facetState = state;
            return state;
        }
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}

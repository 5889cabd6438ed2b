package org.polylogue.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.polylogue.search.FacetValue;
import org.polylogue.search.SearchHit;
import org.polylogue.search.SearchQuery;
import org.springframework.stereotype.Component;

/**
 * Runs a query against the current index: filters, visibility, one page of hits by relevance or
 * date, facets with counts, and a highlighted snippet per hit (escaped HTML, {@code <mark>} around
 * matches). Pages end at {@link #DEEPEST}.
 *
 * <p>The page of hits is found without visiting every match (Lucene skips what cannot reach the
 * page). Counts are exact up to {@link #EXACT_UP_TO} matches; beyond that, unless the caller asks
 * for exact counts, the total and the facet counts are estimated from a fixed sample of the index
 * (the documents' {@link IndexedDocuments#SAMPLE sample levels}) of at least {@link #SAMPLE_SIZE}
 * matches, and {@link Found#estimated()} says so. A search for a word in half the index thus costs
 * about what a search for a rare word costs.
 */
@Component
public class Searcher {

    /** How deep paging goes: a page past this is empty. */
    public static final int DEEPEST = org.polylogue.search.SearchResults.DEEPEST;
    /** Up to this many matches, the total and the facets are counted exactly. */
    public static final int EXACT_UP_TO = org.polylogue.search.SearchResults.EXACT_UP_TO;
    /** Estimates are made from at least this many matches (when there are that many). */
    static final int SAMPLE_SIZE = 2_000;
    /** The page of hits counts matches exactly up to here, then skips what cannot reach it. */
    private static final int PRECISE_TOP = 1_000;
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_LENGTH = 10_000;

    private final SearchIndex index;
    private volatile SortedSetDocValuesReaderState facetState;

    Searcher(SearchIndex index) {
        this.index = index;
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
            try {
                TopDocs top = byDate
                        ? searcher.search(query, new TopFieldCollectorManager(new Sort(
                                new SortField(IndexedDocuments.PUBLISHED, SortField.Type.LONG, true),
                                SortField.FIELD_SCORE), Math.max(1, wanted), null, PRECISE_TOP))
                        : searcher.search(query, new TopScoreDocCollectorManager(Math.max(1, wanted), PRECISE_TOP));
                Counts counts = count(searcher, query, top.totalHits, exact);
                ScoreDoc[] page = skip >= top.scoreDocs.length ? new ScoreDoc[0]
                        : Arrays.copyOfRange(top.scoreDocs, (int) skip, Math.min(top.scoreDocs.length, wanted));
                return new Found(counts.total(), counts.facets(), hits(searcher, query, page), counts.scale() > 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The total and the facets, counted over every match or over a sample scaled up. */
    private record Counts(long total, Map<String, List<FacetValue>> facets, int scale) {}

    private Counts count(IndexSearcher searcher, Query query, TotalHits seen, boolean exact) throws IOException {
        if (exact || seen.relation() == TotalHits.Relation.EQUAL_TO) {
            return counted(searcher, query);
        }
        // many matches: count them on the smallest sample of the index
        int level = 1;
        var collected = sampled(searcher, query, level);
        long matches = matches(collected);
        if (matches * IndexedDocuments.SAMPLE_BUCKETS <= EXACT_UP_TO) {
            return counted(searcher, query);
        }
        if (matches < SAMPLE_SIZE) {
            // then on the smallest sample expected to hold SAMPLE_SIZE of them (at most half the index)
            level = 2;
            while (level < IndexedDocuments.SAMPLE_BUCKETS / 2 && matches * level < SAMPLE_SIZE) {
                level *= 2;
            }
            collected = sampled(searcher, query, level);
            matches = matches(collected);
        }
        int scale = IndexedDocuments.SAMPLE_BUCKETS / level;
        return new Counts(matches * scale, facets(searcher.getIndexReader(), collected, scale), scale);
    }

    private static FacetsCollector sampled(IndexSearcher searcher, Query query, int level) throws IOException {
        var sampled = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexedDocuments.SAMPLE, Integer.toString(level))), BooleanClause.Occur.FILTER)
                .build();
        return searcher.search(sampled, new FacetsCollectorManager());
    }

    private Counts counted(IndexSearcher searcher, Query query) throws IOException {
        var collected = searcher.search(query, new FacetsCollectorManager());
        return new Counts(matches(collected), facets(searcher.getIndexReader(), collected, 1), 1);
    }

    private static long matches(FacetsCollector collected) {
        return collected.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        var highlighter = UnifiedHighlighter.builder(searcher, Languages.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(SNIPPET_LENGTH).withMaxNoHighlightPassages(1)
                // the query's words from every language's field mark the text, whichever field it is in
                .withFieldMatcher(field -> true).withWeightMatches(false).build();
        var fields = Languages.textFields().toArray(String[]::new);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 2);
        var topDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        Map<String, String[]> snippets = highlighter.highlightFields(fields, query, topDocs, passages);
        var stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            var doc = stored.document(page[i].doc);
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

    private Map<String, List<FacetValue>> facets(IndexReader reader, FacetsCollector collected, int scale)
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
                        .map(v -> new FacetValue(v.label, v.label, v.value.longValue() * scale)).toList());
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

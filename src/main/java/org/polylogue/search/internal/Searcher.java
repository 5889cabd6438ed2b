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
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.polylogue.search.FacetValue;
import org.polylogue.search.SearchHit;
import org.polylogue.search.SearchQuery;
import org.springframework.stereotype.Component;

/**
 * Runs a query against the current index: filters, visibility, facets with counts, one page of
 * hits by relevance or date, and a highlighted snippet per hit (escaped HTML, {@code <mark>} around
 * matches). Results are counted exactly; pages end at {@link #DEEPEST}.
 */
@Component
public class Searcher {

    /** How deep paging goes: a page past this is empty. */
    public static final int DEEPEST = 10_000;
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_LENGTH = 10_000;

    private final SearchIndex index;
    private volatile SortedSetDocValuesReaderState facetState;

    Searcher(SearchIndex index) {
        this.index = index;
    }

    /** A page of raw results; facet values are ids (labels are added by the caller). */
    public record Found(long total, Map<String, List<FacetValue>> facets, List<SearchHit> hits) {}

    /**
     * @param accountId who searches (null: the public); {@code everything} lets an administrator see
     *     what is visible to few
     */
    public Found search(SearchQuery request, Query text, String accountId, boolean everything) {
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
            var visible = new BooleanQuery.Builder().add(new TermQuery(new Term(IndexedDocuments.VISIBLE,
                    IndexedDocuments.PUBLIC)), BooleanClause.Occur.SHOULD);
            if (accountId != null) {
                visible.add(new TermQuery(new Term(IndexedDocuments.VISIBLE, accountId)), BooleanClause.Occur.SHOULD);
            }
            filtered.add(visible.build(), BooleanClause.Occur.FILTER);
        }
        Query query = filtered.build();
        long skip = (long) request.page() * request.size();
        int wanted = (int) Math.min(DEEPEST, skip + request.size());
        Sort sort = request.byDate() || text instanceof org.apache.lucene.search.MatchAllDocsQuery
                ? new Sort(new SortField(IndexedDocuments.PUBLISHED_SORT, SortField.Type.LONG, true),
                        SortField.FIELD_SCORE)
                : Sort.RELEVANCE;
        return index.search(searcher -> {
            try {
                var result = FacetsCollectorManager.search(searcher, query, Math.max(1, wanted), sort, true,
                        new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                // the facets collector saw every match: its count is exact and costs nothing more
                long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value()
                        : result.facetsCollector().getMatchingDocs().stream()
                                .mapToLong(org.apache.lucene.facet.FacetsCollector.MatchingDocs::totalHits).sum();
                Map<String, List<FacetValue>> facets = facets(searcher.getIndexReader(), result.facetsCollector());
                ScoreDoc[] page = skip >= top.scoreDocs.length ? new ScoreDoc[0]
                        : Arrays.copyOfRange(top.scoreDocs, (int) skip, Math.min(top.scoreDocs.length, wanted));
                return new Found(total, facets, hits(searcher, query, page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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

    private Map<String, List<FacetValue>> facets(IndexReader reader, org.apache.lucene.facet.FacetsCollector collected)
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
                        .map(v -> new FacetValue(v.label, v.label, v.value.longValue())).toList());
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

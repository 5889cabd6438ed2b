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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
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
    /** Estimates are made from at least this many matches (when there are that many). */
    static final int SAMPLE_SIZE = 1_000;
    /** The first sample looks at about this many documents. */
    private static final int FIRST_SAMPLE = 2_048;
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_LENGTH = 10_000;

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
            bytes += 128 + 2L * (length(hit.title()) + length(hit.snippet()) + length(hit.url()) + length(hit.id()));
        }
        for (var values : found.facets().values()) {
            for (FacetValue value : values) {
                bytes += 64 + 2L * (value.value().length() + value.label().length());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
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
        // the facet filters as one clause, which the index keeps as one set of documents per segment
        // (SearchIndex): a search then only looks at the documents of every filter at once
        var facets = new BooleanQuery.Builder();
        filter(facets, IndexedDocuments.KIND, request.kind());
        filter(facets, IndexedDocuments.PROCESS, request.processId());
        filter(facets, IndexedDocuments.GROUP, request.group());
        filter(facets, IndexedDocuments.REGION, request.region());
        filter(facets, IndexedDocuments.ORGANIZATION, request.organizationId());
        filter(facets, IndexedDocuments.LANGUAGE, request.language());
        var facetFilters = facets.build();
        if (facetFilters.clauses().size() == 1) {
            filtered.add(facetFilters.clauses().getFirst().query(), BooleanClause.Occur.FILTER);
        } else if (!facetFilters.clauses().isEmpty()) {
            filtered.add(facetFilters, BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
            // through the points when the range leads, through each candidate's date when other
            // clauses are narrower (then building the range's set of documents would cost more)
            filtered.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(IndexedDocuments.PUBLISHED, from, to),
                    NumericDocValuesField.newSlowRangeQuery(IndexedDocuments.PUBLISHED, from, to)),
                    BooleanClause.Occur.FILTER);
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
            int first = (int) Math.max(1, Math.round(log2((double) documents / FIRST_SAMPLE)));
            Sampled sample = every ? null : sampled(pass, first);
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
            Counts counts = every || totalKnown && knownTotal <= EXACT_UP_TO
                    ? counts(pass, SegmentResults.EVERY_DOCUMENT, false, 0)
                    : estimate(pass, sample, first, totalKnown ? knownTotal : -1);
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

    /** The total and the facets, counted over every match or estimated from a sample. */
    private record Counts(long total, Map<String, List<FacetValue>> facets, boolean estimated) {}

    /**
     * Estimates the counts from a sample of every segment: the first one if it holds
     * {@link #SAMPLE_SIZE} matches, else one large enough to (or every document, if that would be
     * half of them). Sample sizes go by halves, so that a segment's sample stays the same while
     * others come and go.
     *
     * @param knownTotal the total when Lucene knew it without counting, else -1
     */
    private Counts estimate(SegmentResults.Pass pass, Sampled sample, int first, long knownTotal) throws IOException {
        int level = first;
        if (sample.matches() < SAMPLE_SIZE) {
            double needed = sample.looked() / (double) pass.reader().maxDoc() * SAMPLE_SIZE * 1.2
                    / Math.max(1, sample.matches());
            if (needed >= 0.5) {
                return counts(pass, SegmentResults.EVERY_DOCUMENT, false, 0);
            }
            level = (int) Math.max(1, Math.floor(log2(1 / needed)));
        }
        return counts(pass, level, true, knownTotal);
    }

    private record Sampled(long matches, long looked, double estimate) {}

    private static Sampled sampled(SegmentResults.Pass pass, int level) throws IOException {
        long matches = 0;
        long looked = 0;
        double estimate = 0;
        for (int i = 0; i < pass.leaves().size(); i++) {
            var c = pass.counts(i, level);
            matches += c.matches();
            looked += c.looked();
            estimate += c.matches() / c.share();
        }
        return new Sampled(matches, looked, estimate);
    }

    /** Every segment's counts at {@code level}, scaled up by the part looked at, with the facets' values. */
    private Counts counts(SegmentResults.Pass pass, int level, boolean estimated, long knownTotal) throws IOException {
        double total = 0;
        var counted = new SegmentEntry.Counts[pass.leaves().size()];
        for (int i = 0; i < counted.length; i++) {
            counted[i] = pass.counts(i, level);
        }
        // read after counting: every id counted is in it
        var labels = pass.labels();
        double[] scaled = new double[labels.length];
        for (var c : counted) {
            double scale = 1 / c.share();
            total += c.matches() * scale;
            for (int v = 0; v < c.labels().length; v++) {
                scaled[c.labels()[v]] += c.counts()[v] * scale;
            }
        }
        long[] byLabel = new long[labels.length];
        for (int id = 0; id < byLabel.length; id++) {
            byLabel[id] = Math.round(scaled[id]);
        }
        // the FACET_VALUES largest counts of each facet (ties: by value), kept in order as they come
        int facetCount = IndexedDocuments.FACETS.size();
        int[][] best = new int[facetCount][FACET_VALUES];
        int[] held = new int[facetCount];
        for (int id = 0; id < byLabel.length; id++) {
            int facet = labels[id].facet();
            if (facet < 0 || byLabel[id] <= 0) {
                continue;
            }
            int[] top = best[facet];
            int n = held[facet];
            if (n == FACET_VALUES && !before(id, top[n - 1], byLabel, labels)) {
                continue;
            }
            int at = n == FACET_VALUES ? n - 1 : n;
            while (at > 0 && before(id, top[at - 1], byLabel, labels)) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = id;
            held[facet] = Math.min(FACET_VALUES, n + 1);
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (int f = 0; f < facetCount; f++) {
            List<FacetValue> values = new ArrayList<>(held[f]);
            for (int h = 0; h < held[f]; h++) {
                var label = labels[best[f][h]];
                values.add(new FacetValue(label.value(), label.value(), byLabel[best[f][h]]));
            }
            facets.put(IndexedDocuments.FACETS.get(f), values);
        }
        return new Counts(knownTotal >= 0 && estimated ? knownTotal : Math.round(total), facets, estimated);
    }

    /** Whether value {@code a} comes before {@code b}: a larger count, or the same and a smaller value. */
    private static boolean before(int a, int b, long[] counts, FacetValueIds.Label[] labels) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : labels[a].value().compareTo(labels[b].value()) < 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

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
            var made = hits(searcher, query, docs);
            for (int m = 0; m < missing.size(); m++) {
                int p = missing.get(m);
                hits[p] = made.get(m);
                pass.keepHit(page.get(p).segment(), page.get(p).doc(), hits[p]);
            }
        }
        return List.of(hits);
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

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}

package org.polylogue.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.polylogue.search.SearchHit;

/**
 * What one query finds in one segment of the index: the segment's best matches, its match and
 * facet counts (over every document or over a sample), and the hits with their snippets, each
 * worked out when first needed and kept while the segment is unchanged (ADR 010).
 *
 * <p>Publishing adds a small segment and leaves the others as they were, so a repeated search only
 * works on what is new. A segment that loses a document (an edit, a hidden comment) is a changed
 * segment: what it held is worked out again. Counts and snippets do not depend on the rest of the
 * index; relevance scores do, a little (how rare each word is), so a segment's best matches are
 * worked out again once the index has grown or shrunk by a tenth since.
 */
final class SegmentResults {

    /** Sampling level k looks at 2^-k of a segment; level 0 at every document. */
    static final int EVERY_DOCUMENT = 0;
    /** A segment this small is always counted in full: sampling it would save nothing. */
    static final int SMALL_SEGMENT = 4_096;
    /** Sampled documents come in runs of up to this many. */
    private static final int WINDOW = 1_024;
    private static final Sort BY_DATE = new Sort(new SortField(IndexedDocuments.PUBLISHED, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);

    /**
     * What a segment's results are kept under: the segment's documents (not its deletions: an
     * entry catches up with those, see {@link Entry#catchUp}) and what was asked.
     */
    private record Key(Object segment, Query query, boolean byDate) {}

    /** Entries catch up with at most this many deleted documents; beyond, they start again. */
    private static final int CATCH_UP = 64;

    /** Null: nothing is kept (each search works everything out). */
    private final Cache<Key, Entry> entries;
    private final FacetLabels labels = new FacetLabels();

    /** @param megabytes how much to keep, about (0: nothing) */
    SegmentResults(int megabytes) {
        this.entries = megabytes <= 0 ? null
                : Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                        .weigher((Key key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.weight())).build();
    }

    /** One search over the current index: the entries of its segments and the weights to fill them. */
    Pass pass(IndexSearcher searcher, Query query, boolean byDate, int depth) {
        return new Pass(searcher, query, byDate, depth);
    }

    /** A segment's best matches, in the order asked for, with the segment's count when it is known. */
    record Top(int[] docs, float[] scores, long[] published, int depth, long total, boolean totalExact,
            long indexSize) {

        /** Whether these are all the segment's matches (then any depth is served). */
        boolean complete() {
            return docs.length < depth;
        }

        /** Without the documents {@code gone}, of which {@code matched} were matches. */
        Top without(int[] gone, int matched) {
            int kept = 0;
            int[] keptDocs = new int[docs.length];
            float[] keptScores = new float[docs.length];
            long[] keptPublished = new long[docs.length];
            for (int h = 0; h < docs.length; h++) {
                if (java.util.Arrays.binarySearch(gone, docs[h]) < 0) {
                    keptDocs[kept] = docs[h];
                    keptScores[kept] = scores[h];
                    keptPublished[kept++] = published[h];
                }
            }
            // a list that lost some of its matches serves only as deep as what it still holds
            int keptDepth = complete() ? depth : kept;
            return new Top(java.util.Arrays.copyOf(keptDocs, kept), java.util.Arrays.copyOf(keptScores, kept),
                    java.util.Arrays.copyOf(keptPublished, kept), keptDepth, Math.max(0, total - matched), totalExact,
                    indexSize);
        }
    }

    /**
     * Matches in (a sample of) a segment and their facet values.
     *
     * @param share the part of the segment looked at (1: every document)
     * @param labels facet value ids ({@link FacetLabels}), with {@code counts} at the same place
     */
    record Counts(long matches, double share, long looked, int window, long stride, int[] labels, int[] counts) {

        /** Whether the sample looked at document {@code doc}. */
        boolean looksAt(int doc) {
            return doc % stride < window;
        }

        /** These counts without one matching document (and its facet values) the sample looked at. */
        Counts without(int[] valueIds) {
            int[] fewer = counts.clone();
            for (int id : valueIds) {
                int at = java.util.Arrays.binarySearch(labels, id);
                if (at >= 0 && fewer[at] > 0) {
                    fewer[at]--;
                }
            }
            return new Counts(Math.max(0, matches - 1), share, looked, window, stride, labels, fewer);
        }
    }

    /**
     * The facet value ({@code dim}, {@code value}) behind an id; {@code facet} is the dimension's
     * place in {@link IndexedDocuments#FACETS} (-1: not one of them).
     */
    record FacetLabel(String dim, String value, int facet) {}

    /**
     * Facet values numbered once for the whole index, so counts of different segments add up by
     * number; each segment's own ordinals are mapped to these numbers once.
     */
    static final class FacetLabels {

        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        /** By id; copied when a value is added (rare), so that reading needs no lock. */
        private volatile FacetLabel[] labels = new FacetLabel[0];
        private final Cache<Object, int[]> bySegment = Caffeine.newBuilder().maximumSize(1_000).build();

        /** Every value so far, by id. */
        FacetLabel[] all() {
            return labels;
        }

        private int id(String encoded) {
            return ids.computeIfAbsent(encoded, e -> {
                String[] path = FacetsConfig.stringToPath(e);
                synchronized (this) {
                    var more = java.util.Arrays.copyOf(labels, labels.length + 1);
                    more[labels.length] = new FacetLabel(path[0], path.length > 1 ? path[1] : "",
                            IndexedDocuments.FACETS.indexOf(path[0]));
                    labels = more;
                    return labels.length - 1;
                }
            });
        }

        /** The id of each ordinal of a segment's facet values. */
        int[] ofSegment(LeafReader reader, SortedSetDocValues values) throws IOException {
            var helper = reader.getCoreCacheHelper();
            Object key = helper == null ? reader : helper.getKey();
            int[] known = bySegment.getIfPresent(key);
            if (known != null) {
                return known;
            }
            int[] mapped = new int[(int) values.getValueCount()];
            for (int ord = 0; ord < mapped.length; ord++) {
                mapped[ord] = id(values.lookupOrd(ord).utf8ToString());
            }
            bySegment.put(key, mapped);
            return mapped;
        }
    }

    /** What is kept of one query in one segment, filled as searches need it. */
    static final class Entry {

        private Top top;
        private final Map<Integer, Counts> counts = new HashMap<>();
        private final Map<Integer, SearchHit> hits = new HashMap<>();
        private volatile long weight = 256;
        /** The segment's deletions when this entry was filled: -1 before it is. */
        private int deleted = -1;
        private Bits live;

        /**
         * Takes out of what is kept the documents the segment lost since: its best matches, its
         * counts (where the sample looked at them) and its hits. Deletions in a segment only grow,
         * so the same number of them means the same documents.
         */
        private void catchUp(LeafReaderContext leaf, Pass pass) throws IOException {
            LeafReader reader = leaf.reader();
            int now = reader.numDeletedDocs();
            if (now == deleted) {
                return;
            }
            Bits current = reader.getLiveDocs();
            int[] gone = deleted < 0 || now < deleted || now - deleted > CATCH_UP ? null : gone(live, current, reader.maxDoc());
            if (gone == null || gone.length > CATCH_UP) {
                top = null;
                counts.clear();
                hits.clear();
            } else if (gone.length > 0) {
                int[] matching = pass.matching(leaf, gone);
                if (top != null) {
                    top = top.without(gone, matching.length);
                }
                if (matching.length > 0) {
                    int[][] values = pass.facetValues(leaf, matching);
                    counts.replaceAll((level, kept) -> {
                        for (int m = 0; m < matching.length; m++) {
                            if (kept.looksAt(matching[m])) {
                                kept = kept.without(values[m]);
                            }
                        }
                        return kept;
                    });
                }
                for (int doc : gone) {
                    hits.remove(doc);
                }
            }
            deleted = now;
            live = current;
        }

        long weight() {
            return weight;
        }

        private synchronized void weigh() {
            long bytes = 256;
            if (top != null) {
                bytes += 64 + top.docs().length * 20L;
            }
            for (Counts c : counts.values()) {
                bytes += 64 + c.labels().length * 8L;
            }
            for (SearchHit hit : hits.values()) {
                bytes += 160 + 2L * (hit.snippet().length() + hit.title().length() + hit.url().length());
            }
            weight = bytes;
        }
    }

    /**
     * One search: the segments of one index reader, each with its entry (kept or new), and the
     * weights of the query for this reader, created only if some segment needs working out.
     */
    final class Pass {

        private final IndexSearcher searcher;
        private final Query query;
        private final boolean byDate;
        private final List<LeafReaderContext> leaves;
        private final Entry[] entries;
        private final boolean[] changed;
        private Query rewritten;
        private Weight topWeight;
        private Weight countWeight;
        private Weight fullWeight;
        /** How many best matches this search wants (a small segment gets them with its counts). */
        private final int depth;

        private Pass(IndexSearcher searcher, Query query, boolean byDate, int depth) {
            this.depth = depth;
            this.searcher = searcher;
            this.query = query;
            this.byDate = byDate;
            this.leaves = searcher.getIndexReader().leaves();
            this.entries = new Entry[leaves.size()];
            this.changed = new boolean[leaves.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = SegmentResults.this.entries == null ? new Entry()
                        : SegmentResults.this.entries.get(new Key(segmentKey(leaves.get(i).reader()), query, byDate),
                                k -> new Entry());
            }
        }

        /**
         * Segment {@code i}'s entry, brought up to the segment's deletions in this reader; callers
         * hold its lock until they have read it, so that no other search moves it meanwhile.
         */
        private Entry entry(int i) throws IOException {
            var entry = entries[i];
            assert Thread.holdsLock(entry);
            int before = entry.deleted;
            entry.catchUp(leaves.get(i), this);
            changed[i] |= before >= 0 && before != entry.deleted;
            return entry;
        }

        /** Which of {@code docs} (ascending) match the query, ignoring deletions. */
        private int[] matching(LeafReaderContext leaf, int[] docs) throws IOException {
            Scorer scorer = countWeight().scorer(leaf);
            if (scorer == null) {
                return new int[0];
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            int[] matching = new int[docs.length];
            int n = 0;
            for (int doc : docs) {
                int at = approximation.docID() < doc ? approximation.advance(doc) : approximation.docID();
                if (at == doc && (twoPhase == null || twoPhase.matches())) {
                    matching[n++] = doc;
                }
            }
            return java.util.Arrays.copyOf(matching, n);
        }

        /** The facet value ids of each of {@code docs} (ascending). */
        private int[][] facetValues(LeafReaderContext leaf, int[] docs) throws IOException {
            LeafReader reader = leaf.reader();
            SortedSetDocValues values = reader.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            int[][] ids = new int[docs.length][];
            int[] idOf = values == null ? null
                    : labels.ofSegment(reader, reader.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME));
            for (int d = 0; d < docs.length; d++) {
                if (values == null || !values.advanceExact(docs[d])) {
                    ids[d] = new int[0];
                    continue;
                }
                ids[d] = new int[values.docValueCount()];
                for (int v = 0; v < ids[d].length; v++) {
                    ids[d][v] = idOf[(int) values.nextOrd()];
                }
            }
            return ids;
        }

        private Weight countWeight() throws IOException {
            if (countWeight == null) {
                countWeight = searcher.createWeight(rewritten(), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            return countWeight;
        }

        List<LeafReaderContext> leaves() {
            return leaves;
        }

        IndexReader reader() {
            return searcher.getIndexReader();
        }

        /** The best {@code depth} matches of segment {@code i}, worked out if not kept deep enough or fresh enough. */
        Top top(int i, int depth) throws IOException {
            var entry = entries[i];
            long size = reader().numDocs();
            synchronized (entry) {
                entry(i);
                if (!kept(entry.top, depth, size) && leaves.get(i).reader().maxDoc() <= SMALL_SEGMENT) {
                    topAndCounts(i, depth);
                } else if (!kept(entry.top, depth, size)) {
                    entry.top = computeTop(leaves.get(i), depth, size);
                    changed[i] = true;
                }
                return entry.top;
            }
        }

        /**
         * Makes sure segment {@code i} has both its best {@code depth} matches and its counts over
         * every document; when both are missing, they are found in one pass over its matches
         * (cheaper than two when the query is narrow, as a filtered one is).
         */
        void topAndCounts(int i, int depth) throws IOException {
            var entry = entries[i];
            var leaf = leaves.get(i);
            long size = reader().numDocs();
            synchronized (entry) {
                entry(i);
                boolean topKept = kept(entry.top, depth, size);
                boolean counted = entry.counts.containsKey(EVERY_DOCUMENT);
                if (topKept && counted) {
                    return;
                }
                if (topKept) {
                    entry.counts.put(EVERY_DOCUMENT, computeCounts(leaf, EVERY_DOCUMENT));
                } else if (counted) {
                    entry.top = computeTop(leaf, depth, size);
                } else {
                    var top = topCollector(depth, Integer.MAX_VALUE);
                    var counter = new FacetCounter(leaf.reader());
                    if (fullWeight == null) {
                        fullWeight = searcher.createWeight(rewritten(), ScoreMode.COMPLETE, 1f);
                    }
                    collect(fullWeight, leaf, MultiCollector.wrap(top, counter));
                    entry.top = top(top.topDocs(), leaf, depth, size);
                    int max = Math.max(1, leaf.reader().maxDoc());
                    entry.counts.put(EVERY_DOCUMENT, counter.counts(1, leaf.reader().maxDoc(), max, max));
                }
                changed[i] = true;
            }
        }

        /** Whether {@code top} serves {@code depth} matches in an index of {@code size} documents. */
        private static boolean kept(Top top, int depth, long size) {
            boolean deepEnough = top != null && (top.depth() >= depth || top.complete());
            // relevance depends a little on the whole index: once it changed by a tenth, work it out again
            return deepEnough && Math.abs(size - top.indexSize()) <= top.indexSize() / 10;
        }

        /** Segment {@code i}'s matches counted over every document ({@code level} 0) or over a sample. */
        Counts counts(int i, int level) throws IOException {
            var entry = entries[i];
            var leaf = leaves.get(i);
            int effective = leaf.reader().maxDoc() <= SMALL_SEGMENT ? EVERY_DOCUMENT : level;
            synchronized (entry) {
                entry(i);
                var kept = entry.counts.get(effective);
                if (kept == null && effective == EVERY_DOCUMENT && leaf.reader().maxDoc() <= SMALL_SEGMENT) {
                    // a small segment (what was just published) is searched once for all this search needs
                    topAndCounts(i, depth);
                    return entry.counts.get(EVERY_DOCUMENT);
                }
                if (kept == null) {
                    kept = computeCounts(leaf, effective);
                    entry.counts.put(effective, kept);
                    changed[i] = true;
                }
                return kept;
            }
        }

        /** The kept hit of document {@code doc} of segment {@code i}, or null. */
        SearchHit hit(int i, int doc) throws IOException {
            var entry = entries[i];
            synchronized (entry) {
                return entry(i).hits.get(doc);
            }
        }

        void keepHit(int i, int doc, SearchHit hit) throws IOException {
            var entry = entries[i];
            synchronized (entry) {
                entry(i).hits.put(doc, hit);
                changed[i] = true;
            }
        }

        /** Every facet value known so far, by id (the ids of this search's counts are among them). */
        FacetLabel[] labels() {
            return labels.all();
        }

        /** Weighs again what grew, so that the cache keeps within its size. */
        void finish() {
            if (SegmentResults.this.entries == null) {
                return;
            }
            for (int i = 0; i < entries.length; i++) {
                if (changed[i]) {
                    entries[i].weigh();
                    SegmentResults.this.entries.put(new Key(segmentKey(leaves.get(i).reader()), query, byDate),
                            entries[i]);
                }
            }
        }

        private Query rewritten() throws IOException {
            if (rewritten == null) {
                rewritten = searcher.rewrite(query);
            }
            return rewritten;
        }

        private TopDocsCollector<?> topCollector(int depth, int countUpTo) {
            return byDate ? new TopFieldCollectorManager(BY_DATE, depth, null, countUpTo).newCollector()
                    : new TopScoreDocCollectorManager(depth, countUpTo).newCollector();
        }

        private Top computeTop(LeafReaderContext leaf, int depth, long size) throws IOException {
            // counting stops at depth: Lucene then skips what cannot reach the page
            TopDocsCollector<?> collector = topCollector(depth, depth);
            if (topWeight == null) {
                topWeight = searcher.createWeight(rewritten(), collector.scoreMode(), 1f);
            }
            collect(topWeight, leaf, collector);
            return top(collector.topDocs(), leaf, depth, size);
        }

        /** Runs {@code weight} over the whole segment into {@code collector}, as Lucene's searcher does. */
        private static void collect(Weight weight, LeafReaderContext leaf, Collector collector) throws IOException {
            LeafCollector leafCollector;
            try {
                leafCollector = collector.getLeafCollector(leaf);
            } catch (CollectionTerminatedException nothingHere) {
                return;
            }
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier != null) {
                supplier.setTopLevelScoringClause();
                try {
                    supplier.bulkScorer().score(leafCollector, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
                } catch (CollectionTerminatedException enough) {
                    // the collector has what it needs
                }
            }
            leafCollector.finish();
        }

        private static Top top(TopDocs found, LeafReaderContext leaf, int depth, long size) {
            int n = found.scoreDocs.length;
            int[] docs = new int[n];
            float[] scores = new float[n];
            long[] published = new long[n];
            for (int h = 0; h < n; h++) {
                ScoreDoc hit = found.scoreDocs[h];
                docs[h] = hit.doc - leaf.docBase;
                if (hit instanceof FieldDoc field) {
                    published[h] = field.fields[0] instanceof Long millis ? millis : 0;
                    scores[h] = field.fields[1] instanceof Float score ? score : 0;
                } else {
                    scores[h] = hit.score;
                }
            }
            return new Top(docs, scores, published, depth, found.totalHits.value(),
                    found.totalHits.relation() == TotalHits.Relation.EQUAL_TO, size);
        }

        /**
         * Counts the matches in windows of up to {@link #WINDOW} consecutive documents spread evenly
         * over the segment, 2^-level of it (all of it at level 0). Documents are in the order they
         * were indexed, so the windows cover the whole period; consecutive documents decode
         * together, which makes a window far cheaper than as many scattered documents.
         */
        private Counts computeCounts(LeafReaderContext leaf, int level) throws IOException {
            LeafReader reader = leaf.reader();
            int max = reader.maxDoc();
            double fraction = level == EVERY_DOCUMENT ? 1 : Math.scalb(1.0, -level);
            int window = fraction >= 1 ? Math.max(1, max) : (int) Math.max(1, Math.min(WINDOW, Math.round(max * fraction)));
            long stride = fraction >= 1 ? Math.max(1, max) : Math.max(window, Math.round(window / fraction));
            long looked = 0;
            for (long start = 0; start < max; start += stride) {
                looked += Math.min(max, start + window) - start;
            }
            double share = max == 0 ? 1 : (double) looked / max;
            ScorerSupplier supplier = countWeight().scorerSupplier(leaf);
            if (supplier == null) {
                return new Counts(0, share, looked, window, stride, new int[0], new int[0]);
            }
            var counter = new FacetCounter(reader);
            // Lucene's bulk scorer goes through a window far faster than an iterator, filters above all
            supplier.setTopLevelScoringClause();
            BulkScorer bulk = supplier.bulkScorer();
            Bits live = reader.getLiveDocs();
            int next = 0;
            for (long start = 0; start < max && next != DocIdSetIterator.NO_MORE_DOCS; start += stride) {
                int end = (int) Math.min(max, start + window);
                int from = (int) Math.max(start, next);
                if (from < end) {
                    next = bulk.score(counter, live, from, end);
                }
            }
            counter.finish();
            return counter.counts(share, looked, window, stride);
        }
    }

    /** Counts the matches of one segment and their facet values. */
    private final class FacetCounter implements Collector, LeafCollector {

        private final LeafReader reader;
        private final SortedSetDocValues facets;
        private final int[] perOrdinal;
        private long matches;

        FacetCounter(LeafReader reader) throws IOException {
            this.reader = reader;
            this.facets = reader.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            this.perOrdinal = facets == null ? new int[0] : new int[(int) facets.getValueCount()];
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            return this;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public void setScorer(org.apache.lucene.search.Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
            matches++;
            if (facets != null && facets.advanceExact(doc)) {
                for (int v = 0, n = facets.docValueCount(); v < n; v++) {
                    perOrdinal[(int) facets.nextOrd()]++;
                }
            }
        }

        /** What was counted, facet values by id (so that a value is found by binary search). */
        Counts counts(double share, long looked, int window, long stride) throws IOException {
            int present = 0;
            for (int count : perOrdinal) {
                present += count > 0 ? 1 : 0;
            }
            long[] byId = new long[present];
            if (present > 0) {
                int[] idOf = labels.ofSegment(reader,
                        reader.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME));
                for (int ord = 0, p = 0; ord < perOrdinal.length; ord++) {
                    if (perOrdinal[ord] > 0) {
                        byId[p++] = (long) idOf[ord] << 32 | perOrdinal[ord];
                    }
                }
                java.util.Arrays.sort(byId);
            }
            int[] ids = new int[present];
            int[] counts = new int[present];
            for (int p = 0; p < present; p++) {
                ids[p] = (int) (byId[p] >>> 32);
                counts[p] = (int) byId[p];
            }
            return new Counts(matches, share, looked, window, stride, ids, counts);
        }
    }

    /** A segment's documents, whatever was deleted from them since. */
    private static Object segmentKey(LeafReader reader) {
        var helper = reader.getCoreCacheHelper();
        return helper == null ? reader : helper.getKey();
    }

    /**
     * The documents live in {@code before} and deleted in {@code now} (ascending), or null when
     * there are more than {@link #CATCH_UP}.
     */
    static int[] gone(Bits before, Bits now, int maxDoc) {
        if (now == null) {
            return new int[0];
        }
        int[] gone = new int[CATCH_UP + 1];
        int n = 0;
        if (now instanceof FixedBitSet after && (before == null || before instanceof FixedBitSet)) {
            long[] nowWords = after.getBits();
            long[] beforeWords = before == null ? null : ((FixedBitSet) before).getBits();
            int words = FixedBitSet.bits2words(maxDoc);
            for (int w = 0; w < words; w++) {
                long was = beforeWords == null ? -1L : beforeWords[w];
                long lost = was & ~nowWords[w];
                if (w == words - 1 && (maxDoc & 63) != 0) {
                    lost &= (1L << (maxDoc & 63)) - 1;
                }
                while (lost != 0) {
                    if (n > CATCH_UP) {
                        return null;
                    }
                    gone[n++] = w * 64 + Long.numberOfTrailingZeros(lost);
                    lost &= lost - 1;
                }
            }
        } else {
            for (int doc = 0; doc < maxDoc; doc++) {
                if ((before == null || before.get(doc)) && !now.get(doc)) {
                    if (n > CATCH_UP) {
                        return null;
                    }
                    gone[n++] = doc;
                }
            }
        }
        return n > CATCH_UP ? null : java.util.Arrays.copyOf(gone, n);
    }
}

package org.polylogue.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.Weight;
import org.polylogue.search.SearchHit;

/**
 * What one query finds in one segment of the index: the segment's best matches, its match and
 * facet counts (over every document or over a sample), and the hits with their snippets, each
 * worked out when first needed and kept while the segment is unchanged (ADR 010).
 *
 * <p>Publishing adds a small segment and leaves the others as they were, so a repeated search only
 * works on what is new. A segment that loses documents (an edit, a hidden comment) keeps its
 * entries, which take those documents out ({@link SegmentEntry#catchUp}). Counts and snippets do not
 * depend on the rest of the index; relevance scores do, a little (how rare each word is), so a
 * segment's best matches are worked out again once the index has grown or shrunk by a tenth since.
 */
final class SegmentResults {

    /** Sampling level k looks at 2^-k of a segment; level 0 at every document. */
    static final int EVERY_DOCUMENT = 0;
    /** A segment this small is always counted in full: sampling it would save nothing. */
    static final int SMALL_SEGMENT = 4_096;

    /**
     * What a segment's results are kept under: the segment's documents (not its deletions: an
     * entry catches up with those, see {@link SegmentEntry#catchUp}) and what was asked.
     */
    private record Key(Object segment, Query query, boolean byDate) {}

    /** Null: nothing is kept (each search works everything out). */
    private final Cache<Key, SegmentEntry> entries;
    private final FacetValueIds labels = new FacetValueIds();

    /** @param megabytes how much to keep, about (0: nothing) */
    SegmentResults(int megabytes) {
        this.entries = megabytes <= 0 ? null
                : Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                        .weigher((Key key, SegmentEntry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.weight())).build();
    }

    /** One search over the current index: the entries of its segments and the weights to fill them. */
    Pass pass(IndexSearcher searcher, Query query, boolean byDate, int depth) {
        return new Pass(searcher, query, byDate, depth);
    }

    /**
     * One search: the segments of one index reader, each with its entry (kept or new), and the
     * weights of the query for this reader, created only if some segment needs working out.
     */
    final class Pass implements SegmentEntry.Lookup {

        private final IndexSearcher searcher;
        private final Query query;
        private final boolean byDate;
        private final List<LeafReaderContext> leaves;
        private final SegmentEntry[] entries;
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
            this.entries = new SegmentEntry[leaves.size()];
            this.changed = new boolean[leaves.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = SegmentResults.this.entries == null ? new SegmentEntry()
                        : SegmentResults.this.entries.get(new Key(segmentKey(leaves.get(i).reader()), query, byDate),
                                k -> new SegmentEntry());
            }
        }

        /**
         * Segment {@code i}'s entry, brought up to the segment's deletions in this reader; callers
         * hold its lock until they have read it, so that no other search moves it meanwhile.
         */
        private SegmentEntry entry(int i) throws IOException {
            var entry = entries[i];
            assert Thread.holdsLock(entry);
            int before = entry.deleted;
            entry.catchUp(leaves.get(i), this);
            changed[i] |= before >= 0 && before != entry.deleted;
            return entry;
        }

        @Override
        public int[] matching(LeafReaderContext leaf, int[] docs) throws IOException {
            return LeafSearches.matching(countWeight(), leaf, docs);
        }

        @Override
        public int[][] facetValues(LeafReaderContext leaf, int[] docs) throws IOException {
            return LeafSearches.facetValues(labels, leaf, docs);
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
        SegmentEntry.Top top(int i, int depth) throws IOException {
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
                    var top = LeafSearches.topCollector(byDate, depth, Integer.MAX_VALUE);
                    var counter = new FacetValueIds.Counter(labels, leaf.reader());
                    if (fullWeight == null) {
                        fullWeight = searcher.createWeight(rewritten(), ScoreMode.COMPLETE, 1f);
                    }
                    LeafSearches.collect(fullWeight, leaf, MultiCollector.wrap(top, counter));
                    entry.top = LeafSearches.top(top.topDocs(), leaf, depth, size);
                    int max = Math.max(1, leaf.reader().maxDoc());
                    entry.counts.put(EVERY_DOCUMENT, counter.counts(1, leaf.reader().maxDoc(), max, max));
                }
                changed[i] = true;
            }
        }

        /** Whether {@code top} serves {@code depth} matches in an index of {@code size} documents. */
        private static boolean kept(SegmentEntry.Top top, int depth, long size) {
            boolean deepEnough = top != null && (top.depth() >= depth || top.complete());
            // relevance depends a little on the whole index: once it changed by a tenth, work it out again
            return deepEnough && Math.abs(size - top.indexSize()) <= top.indexSize() / 10;
        }

        /** Segment {@code i}'s matches counted over every document ({@code level} 0) or over a sample. */
        SegmentEntry.Counts counts(int i, int level) throws IOException {
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
        FacetValueIds.Label[] labels() {
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

        private SegmentEntry.Top computeTop(LeafReaderContext leaf, int depth, long size) throws IOException {
            // counting stops at depth: Lucene then skips what cannot reach the page
            TopDocsCollector<?> collector = LeafSearches.topCollector(byDate, depth, depth);
            if (topWeight == null) {
                topWeight = searcher.createWeight(rewritten(), collector.scoreMode(), 1f);
            }
            LeafSearches.collect(topWeight, leaf, collector);
            return LeafSearches.top(collector.topDocs(), leaf, depth, size);
        }

        private SegmentEntry.Counts computeCounts(LeafReaderContext leaf, int level) throws IOException {
            return LeafSearches.counts(countWeight(), leaf, level, labels);
        }
    }

    /** A segment's documents, whatever was deleted from them since. */
    private static Object segmentKey(LeafReader reader) {
        var helper = reader.getCoreCacheHelper();
        return helper == null ? reader : helper.getKey();
    }


}

package org.polylogue.search.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
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

/**
 * Searching one segment with a query's weight: its best matches, its counts over every document or
 * a sample, and, for catching up with deletions, which lost documents matched and their facet
 * values. What {@link SegmentResults} keeps is worked out here.
 */
final class LeafSearches {

    /** Sampled documents come in runs of up to this many. */
    private static final int WINDOW = 1_024;
    private static final Sort BY_DATE = new Sort(new SortField(IndexedDocuments.PUBLISHED, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);

    private LeafSearches() {}

    /** Which of {@code docs} (ascending) match {@code weight}, ignoring deletions. */
    static int[] matching(Weight weight, LeafReaderContext leaf, int[] docs) throws IOException {
        Scorer scorer = weight.scorer(leaf);
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
    static int[][] facetValues(FacetValueIds labels, LeafReaderContext leaf, int[] docs) throws IOException {
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

    static TopDocsCollector<?> topCollector(boolean byDate, int depth, int countUpTo) {
        return byDate ? new TopFieldCollectorManager(BY_DATE, depth, null, countUpTo).newCollector()
                : new TopScoreDocCollectorManager(depth, countUpTo).newCollector();
    }

    /** Runs {@code weight} over the whole segment into {@code collector}, as Lucene's searcher does. */
    static void collect(Weight weight, LeafReaderContext leaf, Collector collector) throws IOException {
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

    static SegmentEntry.Top top(TopDocs found, LeafReaderContext leaf, int depth, long size) {
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
        return new SegmentEntry.Top(docs, scores, published, depth, found.totalHits.value(),
                found.totalHits.relation() == TotalHits.Relation.EQUAL_TO, size);
    }

    /**
     * Counts the matches in windows of up to {@link #WINDOW} consecutive documents spread evenly
     * over the segment, 2^-level of it (all of it at level 0). Documents are in the order they
     * were indexed, so the windows cover the whole period; consecutive documents decode
     * together, which makes a window far cheaper than as many scattered documents.
     */
    static SegmentEntry.Counts counts(Weight weight, LeafReaderContext leaf, int level, FacetValueIds labels)
            throws IOException {
        LeafReader reader = leaf.reader();
        int max = reader.maxDoc();
        double fraction = level == SegmentResults.EVERY_DOCUMENT ? 1 : Math.scalb(1.0, -level);
        int window = fraction >= 1 ? Math.max(1, max) : (int) Math.max(1, Math.min(WINDOW, Math.round(max * fraction)));
        long stride = fraction >= 1 ? Math.max(1, max) : Math.max(window, Math.round(window / fraction));
        long looked = 0;
        for (long start = 0; start < max; start += stride) {
            looked += Math.min(max, start + window) - start;
        }
        double share = max == 0 ? 1 : (double) looked / max;
        ScorerSupplier supplier = weight.scorerSupplier(leaf);
        if (supplier == null) {
            return new SegmentEntry.Counts(0, share, looked, window, stride, new int[0], new int[0]);
        }
        var counter = new FacetValueIds.Counter(labels, reader);
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

package org.polylogue.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.polylogue.search.SearchHit;

/**
 * What is kept of one query in one segment ({@link SegmentResults}), filled as searches need it:
 * the segment's best matches, its counts by sampling level, and hits with their snippets. Kept
 * while the segment's documents are the same; it catches up with the documents the segment loses.
 */
final class SegmentEntry {

    /** Entries catch up with at most this many deleted documents; beyond, they start again. */
    static final int CATCH_UP = 64;

    /** What catching up needs to know of the query in the current reader. */
    interface Lookup {

        /** Which of {@code docs} (ascending) match the query, ignoring deletions. */
        int[] matching(LeafReaderContext leaf, int[] docs) throws IOException;

        /** The facet value ids of each of {@code docs} (ascending). */
        int[][] facetValues(LeafReaderContext leaf, int[] docs) throws IOException;
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
     * @param labels facet value ids ({@link FacetValueIds}), with {@code counts} at the same place
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


    Top top;
    final Map<Integer, Counts> counts = new HashMap<>();
    final Map<Integer, SearchHit> hits = new HashMap<>();
    private volatile long weight = 256;
    /** The segment's deletions when this entry was filled: -1 before it is. */
    int deleted = -1;
    private Bits live;

    /**
     * Takes out of what is kept the documents the segment lost since: its best matches, its
     * counts (where the sample looked at them) and its hits. Deletions in a segment only grow,
     * so the same number of them means the same documents.
     */
    void catchUp(LeafReaderContext leaf, Lookup pass) throws IOException {
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

    synchronized void weigh() {
        long bytes = 256;
        if (top != null) {
            bytes += 64 + top.docs().length * 20L;
        }
        for (Counts c : counts.values()) {
            bytes += 64 + c.labels().length * 8L;
        }
        for (SearchHit hit : hits.values()) {
            bytes += Snippets.bytes(hit);
        }
        weight = bytes;
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

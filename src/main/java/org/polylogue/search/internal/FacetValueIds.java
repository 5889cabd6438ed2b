package org.polylogue.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;

/**
 * Facet values numbered once for the whole index, so counts of different segments add up by
 * number; each segment's own ordinals are mapped to these numbers once. Also counts a segment's
 * matches by facet value ({@link Counter}).
 */
final class FacetValueIds {

    /**
     * The facet value ({@code dim}, {@code value}) behind an id; {@code facet} is the dimension's
     * place in {@link IndexedDocuments#FACETS} (-1: not one of them).
     */
    record Label(String dim, String value, int facet) {}


    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    /** By id; copied when a value is added (rare), so that reading needs no lock. */
    private volatile Label[] labels = new Label[0];
    private final Cache<Object, int[]> bySegment = Caffeine.newBuilder().maximumSize(1_000).build();

    /** Every value so far, by id. */
    Label[] all() {
        return labels;
    }

    private int id(String encoded) {
        return ids.computeIfAbsent(encoded, e -> {
            String[] path = FacetsConfig.stringToPath(e);
            synchronized (this) {
                var more = java.util.Arrays.copyOf(labels, labels.length + 1);
                more[labels.length] = new Label(path[0], path.length > 1 ? path[1] : "",
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

    /** Counts the matches of one segment and their facet values. */
    static final class Counter implements Collector, LeafCollector {

        private final FacetValueIds ids;
        private final LeafReader reader;
        private final SortedSetDocValues facets;
        private final int[] perOrdinal;
        private long matches;

        Counter(FacetValueIds ids, LeafReader reader) throws IOException {
            this.ids = ids;
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
        SegmentEntry.Counts counts(double share, long looked, int window, long stride) throws IOException {
            int present = 0;
            for (int count : perOrdinal) {
                present += count > 0 ? 1 : 0;
            }
            long[] byId = new long[present];
            if (present > 0) {
                int[] idOf = ids.ofSegment(reader,
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
            return new SegmentEntry.Counts(matches, share, looked, window, stride, ids, counts);
        }
    }
}

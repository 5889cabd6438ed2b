package org.polylogue.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.search.FacetValue;

/**
 * The total and the facet counts of a search, added up from its segments: counted over every
 * match, or estimated from samples of every segment (ADR 009 and 010).
 */
final class Counting {

    /** Estimates are made from at least this many matches (when there are that many). */
    static final int SAMPLE_SIZE = 1_000;
    /** The first sample looks at about this many documents. */
    private static final int FIRST_SAMPLE = 2_048;
    private static final int FACET_VALUES = 20;

    private Counting() {}

    /** The sampling level of the first sample of an index of {@code documents}. */
    static int firstLevel(int documents) {
        return (int) Math.max(1, Math.round(log2((double) documents / FIRST_SAMPLE)));
    }

    /** The total and the facets, counted over every match or estimated from a sample. */
    record Counts(long total, Map<String, List<FacetValue>> facets, boolean estimated) {}

    /**
     * Estimates the counts from a sample of every segment: the first one if it holds
     * {@link #SAMPLE_SIZE} matches, else one large enough to (or every document, if that would be
     * half of them). Sample sizes go by halves, so that a segment's sample stays the same while
     * others come and go.
     *
     * @param knownTotal the total when Lucene knew it without counting, else -1
     */
    static Counts estimate(SegmentResults.Pass pass, Sampled sample, int first, long knownTotal) throws IOException {
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

    record Sampled(long matches, long looked, double estimate) {}

    static Sampled sampled(SegmentResults.Pass pass, int level) throws IOException {
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
    static Counts counts(SegmentResults.Pass pass, int level, boolean estimated, long knownTotal) throws IOException {
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
}

package org.polylogue.synthesis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agreement between labels and a computed grouping. */
public final class Quality {

    private Quality() {}

    /** Adjusted Rand index (Hubert and Arabie) of two labellings of the same items. */
    public static double adjustedRand(int[] truth, int[] predicted) {
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> columns = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            cells.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(truth[i], 1L, Long::sum);
            columns.merge(predicted[i], 1L, Long::sum);
        }
        double index = cells.values().stream().mapToDouble(Quality::pairs).sum();
        double a = rows.values().stream().mapToDouble(Quality::pairs).sum();
        double b = columns.values().stream().mapToDouble(Quality::pairs).sum();
        double expected = a * b / pairs(truth.length);
        double max = (a + b) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** Member-level precision and recall of campaign detection, and unique inputs wrongly grouped together. */
    public record CampaignScores(double precision, double recall, int uniquesMerged) {}

    /** {@code groups}: detected groups as indexes into {@code labels} (label -1: a unique input). */
    public static CampaignScores campaigns(List<Integer> labels, List<int[]> groups) {
        long truePositives = 0;
        long predicted = 0;
        int uniquesMerged = 0;
        for (int[] group : groups) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int member : group) {
                counts.merge(labels.get(member), 1, Integer::sum);
            }
            int majority = counts.entrySet().stream().filter(e -> e.getKey() >= 0)
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
            for (int member : group) {
                predicted++;
                if (labels.get(member) >= 0 && labels.get(member) == majority) {
                    truePositives++;
                }
                if (labels.get(member) < 0) {
                    uniquesMerged++;
                }
            }
        }
        long actual = labels.stream().filter(label -> label >= 0).count();
        return new CampaignScores(predicted == 0 ? 1 : (double) truePositives / predicted,
                actual == 0 ? 1 : (double) truePositives / actual, uniquesMerged);
    }
}

package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A theme's label: its most distinctive words (against the other themes), in their commonest surface form. */
final class ThemeLabels {

    private ThemeLabels() {}


    static List<List<String>> labels(float[][] centroids, List<String> features, Map<String, Map<String, Integer>> surfaces) {
        int k = centroids.length;
        List<List<String>> labels = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int theme = c;
            List<Integer> words = new ArrayList<>();
            for (int f = 0; f < features.size(); f++) {
                if (features.get(f).startsWith("w:") && centroids[c][f] > 0) {
                    words.add(f);
                }
            }
            words.sort(Comparator.comparingDouble((Integer f) -> -distinctiveness(centroids, theme, f)));
            List<String> terms = new ArrayList<>();
            for (int f : words) {
                var forms = surfaces.get(features.get(f));
                String surface = forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                if (surface.length() > 1 && !terms.contains(surface)) {
                    terms.add(surface);
                }
                if (terms.size() == 5) {
                    break;
                }
            }
            labels.add(terms);
        }
        return labels;
    }

    static double distinctiveness(float[][] centroids, int c, int f) {
        double others = 0;
        for (int o = 0; o < centroids.length; o++) {
            if (o != c) {
                others += centroids[o][f];
            }
        }
        return centroids[c][f] - (centroids.length > 1 ? others / (centroids.length - 1) : 0);
    }
}

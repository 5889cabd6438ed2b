package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Themes by spherical k-means over TF-IDF vectors (docs/adr/007-synthesis-campaigns-and-themes.md). Words are
 * stemmed by Lucene's analyzer of each input's language; character 4-grams of accent-folded words
 * let cognates across languages ("infrastructure", "infraestructura") meet. The number of themes is
 * the one with the best simplified silhouette on a sample, between 2 and a bound.
 */
public final class ThemeClustering {

    /** The result: a theme index per text, and per theme its label terms ordered by distinctiveness. */
    public record Themes(int[] assignment, int count, List<List<String>> labels, double[][] closeness,
            ThemeModel model) {}

    static final float GRAM_WEIGHT = 0.6f;
    private static final double MAX_SHARE = 0.25;
    private static final int MIN_LANGUAGE = 20;
    private static final double MIN_JOIN = 0.02;

    private final int maxThemes;
    private final SphericalKMeans kmeans;
    private final TermAnalysis terms = new TermAnalysis();
    private final Languages languages = new Languages();

    public ThemeClustering(int maxThemes, long seed) {
        this.maxThemes = maxThemes;
        this.kmeans = new SphericalKMeans(seed);
    }

    /** Receives the features of a text: a stemmed word ("w:lang:stem", with its surface form) or a letter group. */
    interface FeatureSink {
        void accept(String feature, float weight, String surface);
    }

    /** The features of a text, as the clustering counts them (shared with {@link ThemeModel}). */
    static void features(TermAnalysis terms, String language, String text, FeatureSink sink) {
        for (String[] token : terms.analyze(language, text)) {
            sink.accept("w:" + token[0], 1f, token[1]);
            String folded = TermAnalysis.fold(token[1]);
            if (folded.length() >= 5 && !"zh".equals(language)) {
                for (int i = 0; i + 4 <= folded.length(); i++) {
                    sink.accept("g:" + folded.substring(i, i + 4), GRAM_WEIGHT, null);
                }
            }
        }
    }

    public Themes cluster(List<String> texts) {
        int n = texts.size();
        if (n == 0) {
            return new Themes(new int[0], 0, List.of(), new double[0][], ThemeModel.empty());
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> features = new ArrayList<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        List<Map<Integer, Float>> counts = new ArrayList<>(n);
        Map<String, Integer> perLanguage = new HashMap<>();
        List<String> languageOf = new ArrayList<>();
        for (String text : texts) {
            Map<Integer, Float> tf = new HashMap<>();
            String language = languages.detect(text);
            perLanguage.merge(language, 1, Integer::sum);
            languageOf.add(language);
            features(terms, language, text, (feature, weight, surface) -> {
                int id = vocabulary.computeIfAbsent(feature, w -> { features.add(w); return features.size() - 1; });
                tf.merge(id, weight, Float::sum);
                if (surface != null) {
                    surfaces.computeIfAbsent(feature, w -> new HashMap<>()).merge(surface, 1, Integer::sum);
                }
            });
            counts.add(tf);
        }
        int dim = features.size();
        int[] df = new int[dim];
        for (var tf : counts) {
            tf.keySet().forEach(f -> df[f]++);
        }
        // words are compared within their language: a word common in one language's inputs says
        // nothing of the topic, however rare it is across all of them
        float[] idf = new float[dim];
        for (int f = 0; f < dim; f++) {
            String feature = features.get(f);
            int population = feature.startsWith("w:")
                    ? perLanguage.getOrDefault(feature.substring(2, feature.indexOf(':', 2)), n) : n;
            boolean useful = df[f] >= 2 && (population < 20 || df[f] <= population * MAX_SHARE);
            idf[f] = useful || n < 5 ? (float) Math.log(1.0 + (double) population / df[f]) : 0f;
        }
        int[][] index = new int[n][];
        float[][] value = new float[n][];
        for (int d = 0; d < n; d++) {
            var entries = counts.get(d).entrySet().stream().filter(e -> idf[e.getKey()] > 0).toList();
            index[d] = new int[entries.size()];
            value[d] = new float[entries.size()];
            double norm = 0;
            for (int j = 0; j < entries.size(); j++) {
                var e = entries.get(j);
                index[d][j] = e.getKey();
                float weight = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
                if (features.get(e.getKey()).startsWith("g:")) {
                    weight *= GRAM_WEIGHT;
                }
                value[d][j] = weight;
                norm += weight * weight;
            }
            float inverse = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < value[d].length; j++) {
                value[d][j] *= inverse;
            }
        }
        List<String> major = perLanguage.entrySet().stream().filter(e -> e.getValue() >= MIN_LANGUAGE)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        if (major.size() >= 2) {
            return acrossLanguages(index, value, dim, features, surfaces, languageOf, major, idf);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        int k = kmeans.chooseK(index, value, all, dim, maxThemes);
        float[][] centroids = kmeans.kmeans(index, value, all, k, dim);
        int[] assignment = new int[n];
        double[][] closeness = new double[n][];
        for (int d = 0; d < n; d++) {
            double[] dots = new double[k];
            for (int c = 0; c < k; c++) {
                dots[c] = SphericalKMeans.dot(index[d], value[d], centroids[c]);
            }
            closeness[d] = dots;
            assignment[d] = SphericalKMeans.argmax(dots);
        }
        var labels = ThemeLabels.labels(centroids, features, surfaces);
        var model = new ThemeModel(features, idf, false);
        for (int c = 0; c < k; c++) {
            model.addCentroid(c, null, centroids[c]);
        }
        model.themes(k, labels);
        return new Themes(assignment, k, labels, closeness, model);
    }

    /**
     * Two stages when several languages are present: themes within each language (where words
     * compare well), then themes of different languages joined by the letter groups their inputs
     * share (cognates, names, acronyms), most similar first, never two of the same language, until
     * there are as many as the richest language has. Inputs of rare languages join the closest.
     */
    private Themes acrossLanguages(int[][] index, float[][] value, int dim, List<String> features,
            Map<String, Map<String, Integer>> surfaces, List<String> languageOf, List<String> major, float[] idf) {
        var model = new ThemeModel(features, idf, true);
        List<float[]> clusterCentroids = new ArrayList<>();
        int n = index.length;
        List<List<Integer>> clusters = new ArrayList<>();
        List<String> clusterLanguage = new ArrayList<>();
        List<List<String>> clusterTerms = new ArrayList<>();
        double[] closeTo = new double[n];
        int[] clusterOf = new int[n];
        Arrays.fill(clusterOf, -1);
        int most = 1;
        for (String language : major) {
            int[] docs = java.util.stream.IntStream.range(0, n).filter(d -> languageOf.get(d).equals(language)).toArray();
            int k = kmeans.chooseK(index, value, docs, dim, maxThemes);
            most = Math.max(most, k);
            float[][] centroids = kmeans.kmeans(index, value, docs, k, dim);
            var terms = ThemeLabels.labels(centroids, features, surfaces);
            int first = clusters.size();
            for (int c = 0; c < k; c++) {
                clusterCentroids.add(centroids[c]);
                clusters.add(new ArrayList<>());
                clusterLanguage.add(language);
                clusterTerms.add(terms.get(c));
            }
            for (int d : docs) {
                double best = -1;
                int chosen = 0;
                for (int c = 0; c < k; c++) {
                    double dot = SphericalKMeans.dot(index[d], value[d], centroids[c]);
                    if (dot > best) {
                        best = dot;
                        chosen = c;
                    }
                }
                clusters.get(first + chosen).add(d);
                clusterOf[d] = first + chosen;
                closeTo[d] = best;
            }
        }
        // letter-group profile of each cluster
        boolean[] gram = new boolean[dim];
        for (int f = 0; f < dim; f++) {
            gram[f] = features.get(f).startsWith("g:");
        }
        int m = clusters.size();
        float[][] profiles = new float[m][dim];
        for (int c = 0; c < m; c++) {
            for (int d : clusters.get(c)) {
                for (int j = 0; j < index[d].length; j++) {
                    if (gram[index[d][j]]) {
                        profiles[c][index[d][j]] += value[d][j];
                    }
                }
            }
            SphericalKMeans.normalise(profiles[c]);
        }
        // join across languages, most similar first
        List<List<Integer>> groups = new ArrayList<>();
        List<float[]> groupProfiles = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (!clusters.get(c).isEmpty()) {
                groups.add(new ArrayList<>(List.of(c)));
                groupProfiles.add(profiles[c].clone());
            }
        }
        while (groups.size() > most) {
            double best = MIN_JOIN;
            int a = -1;
            int b = -1;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (sharesLanguage(groups.get(i), groups.get(j), clusterLanguage)) {
                        continue;
                    }
                    double similarity = SphericalKMeans.cosine(groupProfiles.get(i), groupProfiles.get(j));
                    if (similarity > best) {
                        best = similarity;
                        a = i;
                        b = j;
                    }
                }
            }
            if (a < 0) {
                break;
            }
            groups.get(a).addAll(groups.remove(b));
            float[] joined = new float[dim];
            for (int c : groups.get(a)) {
                for (int f = 0; f < dim; f++) {
                    joined[f] += profiles[c][f] * clusters.get(c).size();
                }
            }
            SphericalKMeans.normalise(joined);
            groupProfiles.set(a, joined);
            groupProfiles.remove(b);
        }
        int themes = groups.size();
        int[] themeOfCluster = new int[m];
        for (int t = 0; t < themes; t++) {
            for (int c : groups.get(t)) {
                themeOfCluster[c] = t;
            }
        }
        int[] assignment = new int[n];
        double[][] closeness = new double[n][];
        for (int d = 0; d < n; d++) {
            closeness[d] = new double[themes];
            if (clusterOf[d] >= 0) {
                assignment[d] = themeOfCluster[clusterOf[d]];
                closeness[d][assignment[d]] = closeTo[d];
                continue;
            }
            // a rare language: the theme whose letter groups it shares most
            double best = -1;
            for (int t = 0; t < themes; t++) {
                double sum = 0;
                for (int j = 0; j < index[d].length; j++) {
                    if (gram[index[d][j]]) {
                        sum += value[d][j] * groupProfiles.get(t)[index[d][j]];
                    }
                }
                if (sum > best) {
                    best = sum;
                    assignment[d] = t;
                }
            }
        }
        List<List<String>> labels = new ArrayList<>();
        for (List<Integer> group : groups) {
            group.sort((x, y) -> Integer.compare(clusters.get(y).size(), clusters.get(x).size()));
            List<String> terms = new ArrayList<>(clusterTerms.get(group.getFirst()).subList(0,
                    Math.min(3, clusterTerms.get(group.getFirst()).size())));
            for (int c : group.subList(1, group.size())) {
                if (!clusterTerms.get(c).isEmpty() && !terms.contains(clusterTerms.get(c).getFirst())) {
                    terms.add(clusterTerms.get(c).getFirst());
                }
            }
            labels.add(terms);
        }
        for (int c = 0; c < m; c++) {
            if (!clusters.get(c).isEmpty()) {
                model.addCentroid(themeOfCluster[c], clusterLanguage.get(c), clusterCentroids.get(c));
            }
        }
        for (int t = 0; t < themes; t++) {
            model.addCentroid(t, ThemeModel.ANY_LANGUAGE, groupProfiles.get(t));
        }
        model.themes(themes, labels);
        return new Themes(assignment, themes, labels, closeness, model);
    }

    private static boolean sharesLanguage(List<Integer> a, List<Integer> b, List<String> clusterLanguage) {
        for (int x : a) {
            for (int y : b) {
                if (clusterLanguage.get(x).equals(clusterLanguage.get(y))) {
                    return true;
                }
            }
        }
        return false;
    }

}

package org.polylogue.synthesis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Themes by spherical k-means over TF-IDF vectors (docs/adr/007-synthesis-campaigns-and-themes.md). Words are
 * stemmed by Lucene's analyzer of each input's language; character 4-grams of accent-folded words
 * let cognates across languages ("infrastructure", "infraestructura") meet. The number of themes is
 * the one with the best simplified silhouette on a sample, between 2 and a bound.
 */
public final class ThemeClustering {

    /** The result: a theme index per text, and per theme its label terms ordered by distinctiveness. */
    public record Themes(int[] assignment, int count, List<List<String>> labels, double[][] closeness) {}

    private static final float GRAM_WEIGHT = 0.6f;
    private static final double MAX_SHARE = 0.25;
    private static final int MIN_LANGUAGE = 20;
    private static final double MIN_JOIN = 0.02;
    private static final int SAMPLE = 2_000;
    private static final int ITERATIONS = 12;

    private final int maxThemes;
    private final long seed;
    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final Languages languages = new Languages();

    public ThemeClustering(int maxThemes, long seed) {
        this.maxThemes = maxThemes;
        this.seed = seed;
    }

    public Themes cluster(List<String> texts) {
        int n = texts.size();
        if (n == 0) {
            return new Themes(new int[0], 0, List.of(), new double[0][]);
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
            for (String[] token : analyze(language, text)) {
                String word = "w:" + token[0];
                int id = vocabulary.computeIfAbsent(word, w -> { features.add(w); return features.size() - 1; });
                tf.merge(id, 1f, Float::sum);
                surfaces.computeIfAbsent(word, w -> new HashMap<>()).merge(token[1], 1, Integer::sum);
                String folded = fold(token[1]);
                if (folded.length() >= 5 && !"zh".equals(language)) {
                    for (int i = 0; i + 4 <= folded.length(); i++) {
                        String gram = "g:" + folded.substring(i, i + 4);
                        int gid = vocabulary.computeIfAbsent(gram, w -> { features.add(w); return features.size() - 1; });
                        tf.merge(gid, GRAM_WEIGHT, Float::sum);
                    }
                }
            }
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
            return acrossLanguages(index, value, dim, features, surfaces, languageOf, major);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        int k = chooseK(index, value, all, dim);
        float[][] centroids = kmeans(index, value, all, k, dim);
        int[] assignment = new int[n];
        double[][] closeness = new double[n][];
        for (int d = 0; d < n; d++) {
            double[] dots = new double[k];
            for (int c = 0; c < k; c++) {
                dots[c] = dot(index[d], value[d], centroids[c]);
            }
            closeness[d] = dots;
            assignment[d] = argmax(dots);
        }
        return new Themes(assignment, k, labels(centroids, features, surfaces), closeness);
    }

    private int chooseK(int[][] index, float[][] value, int[] docs, int dim) {
        int bound = Math.max(1, Math.min(maxThemes, (int) Math.sqrt(docs.length / 2.0)));
        int k = 1;
        if (bound >= 2) {
            int[] sample = sample(docs);
            double best = -2;
            for (int candidate = 2; candidate <= bound; candidate++) {
                float[][] centroids = kmeans(index, value, sample, candidate, dim);
                double score = simplifiedSilhouette(index, value, sample, centroids);
                if (score > best + 1e-9) {
                    best = score;
                    k = candidate;
                }
            }
        }
        return k;
    }

    /**
     * Two stages when several languages are present: themes within each language (where words
     * compare well), then themes of different languages joined by the letter groups their inputs
     * share (cognates, names, acronyms), most similar first, never two of the same language, until
     * there are as many as the richest language has. Inputs of rare languages join the closest.
     */
    private Themes acrossLanguages(int[][] index, float[][] value, int dim, List<String> features,
            Map<String, Map<String, Integer>> surfaces, List<String> languageOf, List<String> major) {
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
            int k = chooseK(index, value, docs, dim);
            most = Math.max(most, k);
            float[][] centroids = kmeans(index, value, docs, k, dim);
            var terms = labels(centroids, features, surfaces);
            int first = clusters.size();
            for (int c = 0; c < k; c++) {
                clusters.add(new ArrayList<>());
                clusterLanguage.add(language);
                clusterTerms.add(terms.get(c));
            }
            for (int d : docs) {
                double best = -1;
                int chosen = 0;
                for (int c = 0; c < k; c++) {
                    double dot = dot(index[d], value[d], centroids[c]);
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
            normalise(profiles[c]);
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
                    double similarity = cosine(groupProfiles.get(i), groupProfiles.get(j));
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
            normalise(joined);
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
        return new Themes(assignment, themes, labels, closeness);
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

    private static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int f = 0; f < a.length; f++) {
            sum += a[f] * b[f];
        }
        return sum;
    }

    private static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int f = 0; f < vector.length; f++) {
                vector[f] *= inverse;
            }
        }
    }

    private List<List<String>> labels(float[][] centroids, List<String> features, Map<String, Map<String, Integer>> surfaces) {
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

    private static double distinctiveness(float[][] centroids, int c, int f) {
        double others = 0;
        for (int o = 0; o < centroids.length; o++) {
            if (o != c) {
                others += centroids[o][f];
            }
        }
        return centroids[c][f] - (centroids.length > 1 ? others / (centroids.length - 1) : 0);
    }

    private int[] sample(int[] docs) {
        int n = docs.length;
        int[] all = docs.clone();
        if (n <= SAMPLE) {
            return all;
        }
        var random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] sample = Arrays.copyOf(all, SAMPLE);
        Arrays.sort(sample);
        return sample;
    }

    /** Spherical k-means with k-means++ seeding (on cosine distance), over the given points. */
    private float[][] kmeans(int[][] index, float[][] value, int[] points, int k, int dim) {
        var random = new SplittableRandom(seed + k);
        float[][] centroids = new float[k][dim];
        int first = points[random.nextInt(points.length)];
        set(centroids[0], index[first], value[first]);
        double[] nearest = new double[points.length];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < points.length; p++) {
                double distance = Math.max(0, 1 - dot(index[points[p]], value[points[p]], centroids[c - 1]));
                nearest[p] = Math.min(nearest[p], distance * distance);
                total += nearest[p];
            }
            double target = random.nextDouble() * total;
            int chosen = points[points.length - 1];
            for (int p = 0; p < points.length; p++) {
                target -= nearest[p];
                if (target <= 0) {
                    chosen = points[p];
                    break;
                }
            }
            set(centroids[c], index[chosen], value[chosen]);
        }
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = false;
            for (int p = 0; p < points.length; p++) {
                int d = points[p];
                int best = 0;
                double bestDot = -1;
                for (int c = 0; c < k; c++) {
                    double dot = dot(index[d], value[d], centroids[c]);
                    if (dot > bestDot) {
                        bestDot = dot;
                        best = c;
                    }
                }
                if (assignment[p] != best) {
                    assignment[p] = best;
                    changed = true;
                }
            }
            if (!changed && iteration > 0) {
                break;
            }
            for (float[] centroid : centroids) {
                Arrays.fill(centroid, 0f);
            }
            for (int p = 0; p < points.length; p++) {
                int d = points[p];
                float[] centroid = centroids[assignment[p]];
                for (int j = 0; j < index[d].length; j++) {
                    centroid[index[d][j]] += value[d][j];
                }
            }
            for (float[] centroid : centroids) {
                double norm = 0;
                for (float v : centroid) {
                    norm += v * v;
                }
                if (norm > 0) {
                    float inverse = (float) (1 / Math.sqrt(norm));
                    for (int f = 0; f < dim; f++) {
                        centroid[f] *= inverse;
                    }
                }
            }
        }
        return centroids;
    }

    /** Mean over points of (b - a) / max(a, b) with a, b the cosine distances to the own and the next centroid. */
    private static double simplifiedSilhouette(int[][] index, float[][] value, int[] points, float[][] centroids) {
        double total = 0;
        for (int d : points) {
            double first = -2;
            double second = -2;
            for (float[] centroid : centroids) {
                double dot = dot(index[d], value[d], centroid);
                if (dot > first) {
                    second = first;
                    first = dot;
                } else if (dot > second) {
                    second = dot;
                }
            }
            double a = 1 - first;
            double b = 1 - second;
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }
        return total / points.length;
    }

    private static void set(float[] centroid, int[] index, float[] value) {
        for (int j = 0; j < index.length; j++) {
            centroid[index[j]] = value[j];
        }
    }

    private static double dot(int[] index, float[] value, float[] centroid) {
        double sum = 0;
        for (int j = 0; j < index.length; j++) {
            sum += value[j] * centroid[index[j]];
        }
        return sum;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Stems with their surface forms (lower case), by the analyzer of the language. */
    private List<String[]> analyze(String language, String text) {
        Analyzer analyzer = analyzers.computeIfAbsent(language, ThemeClustering::analyzer);
        List<String[]> tokens = new ArrayList<>();
        String bounded = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        try (var stream = analyzer.tokenStream("text", bounded)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String stem = term.toString();
                if (stem.length() < 2 || stem.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String surface = bounded.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                tokens.add(new String[] {language + ":" + stem, surface});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Analyzer analyzer(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer(snowballStopWords("english_stop.txt"));
            case "fr" -> new FrenchAnalyzer(snowballStopWords("french_stop.txt"));
            case "es" -> new SpanishAnalyzer(snowballStopWords("spanish_stop.txt"));
            case "ru" -> new RussianAnalyzer(snowballStopWords("russian_stop.txt"));
            case "ar" -> new ArabicAnalyzer();
            case "zh" -> new SmartChineseAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** The fuller stop word lists of the Snowball project, as Lucene ships them. */
    private static CharArraySet snowballStopWords(String name) {
        try (var reader = new java.io.InputStreamReader(SnowballFilter.class.getResourceAsStream(name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}

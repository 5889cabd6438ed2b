package org.polylogue.synthesis.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * What a full theme clustering learnt, frozen so that an incremental run can place new distinct
 * inputs without clustering again: the vocabulary with its IDF weights (features the clustering
 * found useless are left out), the centroids (per language when themes were found language by
 * language, plus each theme's letter-group profile for inputs of other languages), and each
 * theme's stable id and label terms. A new text is weighted exactly as the clustering weighted the
 * texts it saw, and its closeness to a theme is the cosine to that theme's nearest centroid.
 */
public final class ThemeModel {

    /** The language of a theme's letter-group profile: used for inputs of languages without own centroids. */
    static final String ANY_LANGUAGE = "*";
    private static final int VERSION = 1;

    private record Centroid(int theme, String language, float[] vector) {}

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> features = new ArrayList<>();
    private final float[] idf;
    private final boolean byLanguage;
    private final List<Centroid> centroids = new ArrayList<>();
    private List<List<String>> terms = List.of();
    private String[] ids = new String[0];
    private final TermAnalysis analysis = new TermAnalysis();
    private final Languages languages = new Languages();
    private List<String> fullFeatures = List.of();

    /** Keeps the features with a positive IDF (the only ones that weigh in a vector). */
    ThemeModel(List<String> allFeatures, float[] allIdf, boolean byLanguage) {
        this.byLanguage = byLanguage;
        this.fullFeatures = allFeatures;
        float[] kept = new float[allFeatures.size()];
        int n = 0;
        for (int f = 0; f < allFeatures.size(); f++) {
            if (allIdf[f] > 0) {
                vocabulary.put(allFeatures.get(f), n);
                features.add(allFeatures.get(f));
                kept[n++] = allIdf[f];
            }
        }
        this.idf = Arrays.copyOf(kept, n);
    }

    private ThemeModel(List<String> features, float[] idf, boolean byLanguage, boolean loaded) {
        this.byLanguage = byLanguage;
        this.idf = idf;
        for (String feature : features) {
            vocabulary.put(feature, this.features.size());
            this.features.add(feature);
        }
    }

    static ThemeModel empty() {
        return new ThemeModel(List.of(), new float[0], false);
    }

    /** Adds a centroid given over the clustering's full feature space (same order as its feature list). */
    void addCentroid(int theme, String language, float[] full) {
        float[] vector = new float[idf.length];
        boolean any = false;
        for (int f = 0; f < full.length; f++) {
            if (full[f] != 0) {
                // a centroid only has weight on features with IDF > 0, so the mapping loses nothing
                Integer kept = vocabulary.get(featureOfFull(f));
                if (kept != null) {
                    vector[kept] = full[f];
                    any = true;
                }
            }
        }
        if (any) {
            centroids.add(new Centroid(theme, language, vector));
        }
    }

    /** The clustering's features in its own order, to map its centroids (not stored). */
    private String featureOfFull(int f) {
        return fullFeatures.get(f);
    }

    void themes(int count, List<List<String>> labels) {
        this.terms = List.copyOf(labels);
        this.ids = new String[count];
    }

    public int themeCount() {
        return ids.length;
    }

    /** The stable id of a theme (set after the full run ordered the themes). */
    public String id(int theme) {
        return ids[theme];
    }

    void id(int theme, String id) {
        ids[theme] = id;
    }

    /** The index of the theme with this id, or -1. */
    public int indexOf(String id) {
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] != null && ids[t].equals(id)) {
                return t;
            }
        }
        return -1;
    }

    public List<String> terms(int theme) {
        return terms.get(theme);
    }

    /** Closeness (cosine to the nearest centroid) of a text to each theme; all zero when it shares no known feature. */
    public double[] closeness(String text) {
        double[] result = new double[ids.length];
        String language = languages.detect(text);
        Map<Integer, Float> tf = new HashMap<>();
        ThemeClustering.features(analysis, language, text, (feature, weight, surface) -> {
            Integer f = vocabulary.get(feature);
            if (f != null) {
                tf.merge(f, weight, Float::sum);
            }
        });
        if (tf.isEmpty()) {
            return result;
        }
        int[] index = new int[tf.size()];
        float[] value = new float[tf.size()];
        double norm = 0;
        int j = 0;
        for (var e : tf.entrySet()) {
            float weight = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
            if (features.get(e.getKey()).startsWith("g:")) {
                weight *= ThemeClustering.GRAM_WEIGHT;
            }
            index[j] = e.getKey();
            value[j++] = weight;
            norm += weight * weight;
        }
        if (norm == 0) {
            return result;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < value.length; i++) {
            value[i] *= inverse;
        }
        boolean ownLanguage = !byLanguage
                || centroids.stream().anyMatch(c -> language.equals(c.language()));
        Arrays.fill(result, -1);
        for (Centroid c : centroids) {
            boolean applies = !byLanguage ? true
                    : ownLanguage ? language.equals(c.language()) : ANY_LANGUAGE.equals(c.language());
            if (applies) {
                result[c.theme()] = Math.max(result[c.theme()], SphericalKMeans.dot(index, value, c.vector()));
            }
        }
        for (int t = 0; t < result.length; t++) {
            result[t] = Math.max(0, result[t]);
        }
        return result;
    }

    /** Serialised (deflated) for the synthesis_model table. */
    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(VERSION);
            out.writeBoolean(byLanguage);
            out.writeInt(features.size());
            for (int f = 0; f < features.size(); f++) {
                out.writeUTF(features.get(f));
                out.writeFloat(idf[f]);
            }
            out.writeInt(ids.length);
            for (int t = 0; t < ids.length; t++) {
                out.writeUTF(ids[t] == null ? "" : ids[t]);
                out.writeInt(terms.get(t).size());
                for (String term : terms.get(t)) {
                    out.writeUTF(term);
                }
            }
            out.writeInt(centroids.size());
            for (Centroid c : centroids) {
                out.writeInt(c.theme());
                out.writeUTF(c.language() == null ? "" : c.language());
                int nonZero = 0;
                for (float v : c.vector()) {
                    nonZero += v != 0 ? 1 : 0;
                }
                out.writeInt(nonZero);
                for (int f = 0; f < c.vector().length; f++) {
                    if (c.vector()[f] != 0) {
                        out.writeInt(f);
                        out.writeFloat(c.vector()[f]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ThemeModel fromBytes(byte[] bytes) {
        try (var in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != VERSION) {
                return null;
            }
            boolean byLanguage = in.readBoolean();
            int n = in.readInt();
            List<String> features = new ArrayList<>(n);
            float[] idf = new float[n];
            for (int f = 0; f < n; f++) {
                features.add(in.readUTF());
                idf[f] = in.readFloat();
            }
            var model = new ThemeModel(features, idf, byLanguage, true);
            int themes = in.readInt();
            List<List<String>> labels = new ArrayList<>();
            String[] ids = new String[themes];
            for (int t = 0; t < themes; t++) {
                String id = in.readUTF();
                ids[t] = id.isEmpty() ? null : id;
                int count = in.readInt();
                List<String> terms = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    terms.add(in.readUTF());
                }
                labels.add(terms);
            }
            model.themes(themes, labels);
            System.arraycopy(ids, 0, model.ids, 0, themes);
            int count = in.readInt();
            for (int c = 0; c < count; c++) {
                int theme = in.readInt();
                String language = in.readUTF();
                float[] vector = new float[n];
                int nonZero = in.readInt();
                for (int i = 0; i < nonZero; i++) {
                    vector[in.readInt()] = in.readFloat();
                }
                model.centroids.add(new Centroid(theme, language.isEmpty() ? null : language, vector));
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.polylogue.synthesis.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spherical k-means over sparse, L2-normalised vectors (each point a pair of feature indexes and
 * values), the number of clusters chosen by the simplified silhouette on a sample; seeded, so the
 * same inputs give the same themes.
 */
final class SphericalKMeans {

    private static final int SAMPLE = 2_000;
    private static final int ITERATIONS = 12;

    private final long seed;

    SphericalKMeans(long seed) {
        this.seed = seed;
    }

    int chooseK(int[][] index, float[][] value, int[] docs, int dim, int maxThemes) {
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

    int[] sample(int[] docs) {
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
    float[][] kmeans(int[][] index, float[][] value, int[] points, int k, int dim) {
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
                normalise(centroid);
            }
        }
        return centroids;
    }

    /** Mean over points of (b - a) / max(a, b) with a, b the cosine distances to the own and the next centroid. */
    static double simplifiedSilhouette(int[][] index, float[][] value, int[] points, float[][] centroids) {
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

    static void set(float[] centroid, int[] index, float[] value) {
        for (int j = 0; j < index.length; j++) {
            centroid[index[j]] = value[j];
        }
    }

    static double dot(int[] index, float[] value, float[] centroid) {
        double sum = 0;
        for (int j = 0; j < index.length; j++) {
            sum += value[j] * centroid[index[j]];
        }
        return sum;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int f = 0; f < a.length; f++) {
            sum += a[f] * b[f];
        }
        return sum;
    }

    static void normalise(float[] vector) {
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
}

package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups near-duplicate signatures: locality-sensitive hashing by bands finds candidates, the
 * estimated Jaccard similarity verifies them, union-find joins them. A bucket keeps only a few
 * "leaders" to compare newcomers with, so that a campaign of a million identical texts costs a
 * million comparisons, not a trillion.
 */
public final class LshGrouping {

    private static final int LEADERS_PER_BUCKET = 6;

    private final int bands;
    private final int rows;
    private final double threshold;
    private final List<long[]> signatures = new ArrayList<>();
    private final List<Map<Long, int[]>> buckets = new ArrayList<>();
    private UnionFind sets;
    private long comparisons;

    public LshGrouping(int signatureSize, int bands, double threshold) {
        if (signatureSize % bands != 0) {
            throw new IllegalArgumentException("bands must divide the signature size");
        }
        this.bands = bands;
        this.rows = signatureSize / bands;
        this.threshold = threshold;
        for (int b = 0; b < bands; b++) {
            buckets.add(new HashMap<>());
        }
    }

    /** Adds all signatures, in order; their indexes are their positions. */
    public void addAll(List<long[]> all) {
        var grown = new UnionFind(signatures.size() + all.size());
        if (sets != null) {
            for (int i = 0; i < signatures.size(); i++) {
                grown.union(i, sets.find(i));
            }
        }
        sets = grown;
        for (long[] signature : all) {
            add(signature);
        }
    }

    private void add(long[] signature) {
        int index = signatures.size();
        signatures.add(signature);
        for (int b = 0; b < bands; b++) {
            long key = 0x9E3779B97F4A7C15L + b;
            for (int r = 0; r < rows; r++) {
                key = MinHash.mix(key * 31 + signature[b * rows + r]);
            }
            Map<Long, int[]> bucketsOfBand = buckets.get(b);
            int[] leaders = bucketsOfBand.get(key);
            if (leaders == null) {
                bucketsOfBand.put(key, new int[] {index});
                continue;
            }
            boolean joined = false;
            for (int leader : leaders) {
                if (sets.find(leader) == sets.find(index)) {
                    joined = true;
                    continue;
                }
                comparisons++;
                if (MinHash.similarity(signatures.get(leader), signature) >= threshold) {
                    sets.union(leader, index);
                    joined = true;
                }
            }
            if (!joined && leaders.length < LEADERS_PER_BUCKET) {
                int[] more = java.util.Arrays.copyOf(leaders, leaders.length + 1);
                more[leaders.length] = index;
                bucketsOfBand.put(key, more);
            }
        }
    }

    /** Groups of at least {@code minimum} members, each as sorted indexes, largest first. */
    public List<int[]> groups(int minimum) {
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            if (sets.sizeOf(i) >= minimum) {
                byRoot.computeIfAbsent(sets.find(i), k -> new ArrayList<>()).add(i);
            }
        }
        return byRoot.values().stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .sorted((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]))
                .toList();
    }

    public long comparisons() {
        return comparisons;
    }

    public long[] signature(int index) {
        return signatures.get(index);
    }
}

package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups near-duplicate signatures: locality-sensitive hashing by bands finds candidates, the
 * estimated Jaccard similarity verifies them, union-find joins them. Each band is processed by
 * sorting (band key, index) pairs packed into one long, so memory stays at a few bytes per input
 * per band rather than a hash map entry. Within a bucket a newcomer is compared with at most a few
 * "leaders", so a campaign of a million identical texts costs a million comparisons, not n².
 */
public final class LshGrouping {

    private static final int LEADERS_PER_BUCKET = 6;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final int bands;
    private final int rows;
    private final double threshold;
    private final List<long[]> signatures = new ArrayList<>();
    private UnionFind sets = new UnionFind(0);
    private long comparisons;

    public LshGrouping(int signatureSize, int bands, double threshold) {
        if (signatureSize % bands != 0) {
            throw new IllegalArgumentException("bands must divide the signature size");
        }
        this.bands = bands;
        this.rows = signatureSize / bands;
        this.threshold = threshold;
    }

    /** The key of band {@code b} of a signature (bands of {@code rows} values): equal keys make candidates. */
    static long bandKey(long[] signature, int b, int rows) {
        long key = 0x9E3779B97F4A7C15L + b;
        for (int r = 0; r < rows; r++) {
            key = MinHash.mix(key * 31 + signature[b * rows + r]);
        }
        return key;
    }

    /**
     * The band keys of a signature, as stored for incremental runs. Only the low 40 bits count (the
     * grouping packs a key with a 24-bit index into one long), so they are stored that way too.
     */
    public static long[] bandKeys(long[] signature, int bands) {
        int rows = signature.length / bands;
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            keys[b] = (bandKey(signature, b, rows) << INDEX_BITS) >>> INDEX_BITS;
        }
        return keys;
    }

    /** Adds all signatures (indexes are positions) and groups them. */
    public void addAll(List<long[]> all) {
        signatures.addAll(all);
        int n = signatures.size();
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " inputs");
        }
        sets = new UnionFind(n);
        long[] packed = new long[n];
        int[] leaders = new int[LEADERS_PER_BUCKET];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < n; i++) {
                packed[i] = (bandKey(signatures.get(i), b, rows) << INDEX_BITS) | i;
            }
            Arrays.parallelSort(packed);
            int start = 0;
            while (start < n) {
                long bucket = packed[start] >>> INDEX_BITS;
                int end = start + 1;
                while (end < n && packed[end] >>> INDEX_BITS == bucket) {
                    end++;
                }
                if (end - start > 1) {
                    int count = 0;
                    for (int j = start; j < end; j++) {
                        int index = (int) (packed[j] & INDEX_MASK);
                        boolean joined = false;
                        for (int l = 0; l < count; l++) {
                            if (sets.find(leaders[l]) == sets.find(index)) {
                                joined = true;
                                continue;
                            }
                            comparisons++;
                            if (MinHash.similarity(signatures.get(leaders[l]), signatures.get(index)) >= threshold) {
                                sets.union(leaders[l], index);
                                joined = true;
                            }
                        }
                        if (!joined && count < LEADERS_PER_BUCKET) {
                            leaders[count++] = index;
                        }
                    }
                }
                start = end;
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
}

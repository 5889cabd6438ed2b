package org.polylogue.synthesis.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles. Each shingle is hashed once to 64 bits; the
 * {@code size} hash functions are then cheap multiply-add permutations of that hash, and the
 * signature keeps the minimum of each. The fraction of equal positions of two signatures
 * estimates the Jaccard similarity of their shingle sets.
 */
public final class MinHash {

    private final int size;
    private final int shingle;
    private final long[] multipliers;
    private final long[] additions;

    public MinHash(int size, int shingle, long seed) {
        this.size = size;
        this.shingle = shingle;
        var random = new SplittableRandom(seed);
        multipliers = new long[size];
        additions = new long[size];
        for (int i = 0; i < size; i++) {
            multipliers[i] = random.nextLong() | 1L;
            additions[i] = random.nextLong();
        }
    }

    public int size() {
        return size;
    }

    /** The signature of a text (see {@link TextNormalizer#tokens}). */
    public long[] signature(String text) {
        return signature(TextNormalizer.tokens(text));
    }

    public long[] signature(List<String> tokens) {
        long[] signature = new long[size];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        long[] tokenHashes = new long[tokens.size()];
        for (int i = 0; i < tokenHashes.length; i++) {
            tokenHashes[i] = hash(tokens.get(i));
        }
        if (tokenHashes.length == 0) {
            return signature;
        }
        // a text shorter than one shingle is one shingle of all its words
        int k = Math.min(shingle, tokenHashes.length);
        for (int start = 0; start + k <= tokenHashes.length; start++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = 0; j < k; j++) {
                h = mix(h * 31 + tokenHashes[start + j]);
            }
            for (int i = 0; i < size; i++) {
                long v = h * multipliers[i] + additions[i];
                if (v < signature[i]) {
                    signature[i] = v;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity: the share of equal positions. */
    public static double similarity(long[] a, long[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    static long hash(String token) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A signature as bytes, for storage. */
    public static byte[] toBytes(long[] signature) {
        var buffer = java.nio.ByteBuffer.allocate(signature.length * 8);
        buffer.asLongBuffer().put(signature);
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        long[] signature = new long[bytes.length / 8];
        java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(signature);
        return signature;
    }
}

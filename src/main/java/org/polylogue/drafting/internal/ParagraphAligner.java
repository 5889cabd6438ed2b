package org.polylogue.drafting.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.polylogue.drafting.ChangeKind;

/**
 * Aligns the paragraphs of a new version with those of the previous one, so that a paragraph keeps
 * its stable id across edits, moves, splits and merges. Pure Java, no Spring.
 *
 * <p>Similarity is a weighted overlap of content words (stop words dropped, a crude stem, each word
 * weighted by its rarity across both versions), so that the vocabulary every paragraph of a cyber
 * policy text shares ("States", "ICT", "security") counts for little. Candidates come from an
 * inverted index over rare words; only those are compared, so two 500-paragraph versions align in a
 * few milliseconds. Conservative by design: below the thresholds a paragraph is new rather than
 * given the id of an unrelated one.
 */
public final class ParagraphAligner {

    /** A paragraph of the previous version. */
    public record OldParagraph(String id, String text) {}

    /**
     * The alignment of one paragraph of the new version.
     *
     * @param previousIndex the index in the old list it keeps the id of (UNCHANGED, EDITED, MOVED,
     *     MERGED) or was split from (SPLIT); -1 for NEW
     * @param keepsId whether it keeps the id of {@code previousIndex} (false for the extra parts of a split)
     * @param mergedIndexes the other old paragraphs merged into it (MERGED only)
     */
    public record Match(ChangeKind change, int previousIndex, boolean keepsId, List<Integer> mergedIndexes) {
        public Match {
            mergedIndexes = List.copyOf(mergedIndexes);
        }
    }

    /** For each new paragraph its match, and the old paragraphs that are gone (not kept, split or merged). */
    public record Alignment(List<Match> matches, List<Integer> deleted) {}

    /** Least weighted similarity for a one-to-one match. */
    static final double MATCH_THRESHOLD = 0.5;
    /** Least similarity for paragraphs with few content words, where one shared word weighs a lot. */
    static final double SHORT_THRESHOLD = 0.7;
    static final int SHORT = 6;
    /** Least share of a part that must come from the whole, for splits and merges. */
    static final double PART_CONTAINMENT = 0.75;
    /** Least share of the whole that its parts together must cover. */
    static final double WHOLE_COVERAGE = 0.7;
    private static final int CANDIDATES = 12;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "these", "this",
            "those", "to", "was", "were", "which", "with", "will", "shall", "should", "may", "can", "also", "all",
            "any", "such", "other", "into", "within", "between", "s");

    private ParagraphAligner() {}

    public static Alignment align(List<OldParagraph> old, List<String> fresh) {
        int n = old.size();
        int m = fresh.size();
        List<Map<String, Integer>> oldBags = new ArrayList<>(n);
        List<Map<String, Integer>> newBags = new ArrayList<>(m);
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (var paragraph : old) {
            oldBags.add(bag(paragraph.text(), documentFrequency));
        }
        for (String text : fresh) {
            newBags.add(bag(text, documentFrequency));
        }
        int total = n + m;
        Map<String, Double> weights = new HashMap<>(documentFrequency.size() * 2);
        documentFrequency.forEach((word, df) -> weights.put(word, Math.log(1.0 + (double) total / df)));
        double[] oldWeight = new double[n];
        double[] newWeight = new double[m];
        for (int i = 0; i < n; i++) {
            oldWeight[i] = weight(oldBags.get(i), weights);
        }
        for (int j = 0; j < m; j++) {
            newWeight[j] = weight(newBags.get(j), weights);
        }

        int[] newToOld = new int[m];
        int[] oldToNew = new int[n];
        Arrays.fill(newToOld, -1);
        Arrays.fill(oldToNew, -1);
        ChangeKind[] kinds = new ChangeKind[m];
        boolean[] keeps = new boolean[m];
        List<List<Integer>> merged = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            merged.add(new ArrayList<>());
        }
        boolean[] oldUsed = new boolean[n];

        // 1. identical text (normalised)
        Map<String, List<Integer>> byText = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byText.computeIfAbsent(normalise(old.get(i).text()), k -> new ArrayList<>()).add(i);
        }
        for (int j = 0; j < m; j++) {
            var same = byText.get(normalise(fresh.get(j)));
            if (same != null && !same.isEmpty()) {
                int i = same.removeFirst();
                link(i, j, newToOld, oldToNew, oldUsed, keeps);
            }
        }

        // 2. candidate pairs through an inverted index over the old paragraphs; words found in very
        // many paragraphs only add to the score of candidates that rarer words found
        Map<String, Postings> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (var entry : oldBags.get(i).entrySet()) {
                index.computeIfAbsent(entry.getKey(), k -> new Postings()).add(i, entry.getValue());
            }
        }
        int common = Math.max(32, n / 8);
        double[] shared = new double[n];
        int[] touched = new int[n];
        List<Pair> pairs = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int count = 0;
            var bag = newBags.get(j);
            for (var entry : bag.entrySet()) {
                var holders = index.get(entry.getKey());
                if (holders == null || holders.size > common) {
                    continue;
                }
                double w = weights.get(entry.getKey());
                int times = entry.getValue();
                for (int k = 0; k < holders.size; k++) {
                    int i = holders.paragraphs[k];
                    if (shared[i] == 0) {
                        touched[count++] = i;
                    }
                    shared[i] += Math.min(times, holders.counts[k]) * w;
                }
            }
            Integer[] candidates = new Integer[count];
            for (int k = 0; k < count; k++) {
                candidates[k] = touched[k];
            }
            Arrays.sort(candidates, (x, y) -> Double.compare(shared[y], shared[x]));
            for (int k = 0; k < Math.min(CANDIDATES, count); k++) {
                int i = candidates[k];
                pairs.add(new Pair(i, j, overlap(oldBags.get(i), bag, weights), oldWeight[i], newWeight[j],
                        oldBags.get(i), bag));
            }
            for (int k = 0; k < count; k++) {
                shared[touched[k]] = 0;
            }
        }

        // 3. splits: several new paragraphs each mostly made of one old paragraph that they cover together
        Map<Integer, List<Pair>> partsOfOld = new HashMap<>();
        Map<Integer, List<Pair>> sourcesOfNew = new HashMap<>();
        for (Pair p : pairs) {
            if (p.newContainment() >= PART_CONTAINMENT && p.newSize() >= 3) {
                partsOfOld.computeIfAbsent(p.oldIndex(), k -> new ArrayList<>()).add(p);
            }
            if (p.oldContainment() >= PART_CONTAINMENT && p.oldSize() >= 3) {
                sourcesOfNew.computeIfAbsent(p.newIndex(), k -> new ArrayList<>()).add(p);
            }
        }
        for (var entry : partsOfOld.entrySet()) {
            int i = entry.getKey();
            if (oldUsed[i]) {
                continue;
            }
            var parts = entry.getValue().stream().filter(p -> newToOld[p.newIndex()] < 0
                    && !sourcesOfNew.getOrDefault(p.newIndex(), List.of()).stream().anyMatch(s -> s.oldIndex() != i))
                    .toList();
            if (parts.size() < 2 || parts.stream().mapToDouble(Pair::shared).sum() < WHOLE_COVERAGE * oldWeight[i]) {
                continue;
            }
            // the first part keeps the id, unless a later one carries clearly more of the text
            Pair first = parts.stream().min(Comparator.comparingInt(Pair::newIndex)).orElseThrow();
            Pair largest = parts.stream().max(Comparator.comparingDouble(Pair::shared)).orElseThrow();
            Pair main = largest.shared() >= 1.5 * first.shared() ? largest : first;
            for (Pair part : parts) {
                newToOld[part.newIndex()] = i;
                kinds[part.newIndex()] = ChangeKind.SPLIT;
                keeps[part.newIndex()] = part == main;
            }
            oldToNew[i] = main.newIndex();
            oldUsed[i] = true;
        }

        // 4. merges: a new paragraph made of several old ones that each went into it almost whole
        for (var entry : sourcesOfNew.entrySet()) {
            int j = entry.getKey();
            if (newToOld[j] >= 0) {
                continue;
            }
            var sources = entry.getValue().stream().filter(p -> !oldUsed[p.oldIndex()]).toList();
            if (sources.size() < 2 || sources.stream().mapToDouble(Pair::shared).sum() < WHOLE_COVERAGE * newWeight[j]) {
                continue;
            }
            // the first source keeps its id, unless a later one carries clearly more of the text
            Pair firstSource = sources.stream().min(Comparator.comparingInt(Pair::oldIndex)).orElseThrow();
            Pair largestSource = sources.stream().max(Comparator.comparingDouble(Pair::shared)).orElseThrow();
            Pair main = largestSource.shared() >= 1.5 * firstSource.shared() ? largestSource : firstSource;
            newToOld[j] = main.oldIndex();
            keeps[j] = true;
            kinds[j] = ChangeKind.MERGED;
            for (Pair source : sources) {
                oldUsed[source.oldIndex()] = true;
                oldToNew[source.oldIndex()] = j;
                if (source != main) {
                    merged.get(j).add(source.oldIndex());
                }
            }
            merged.get(j).sort(null);
        }

        // 5. one-to-one matches, most similar first
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed()
                .thenComparingInt(p -> Math.abs(p.oldIndex() * m - p.newIndex() * n)));
        for (Pair p : pairs) {
            if (oldUsed[p.oldIndex()] || newToOld[p.newIndex()] >= 0) {
                continue;
            }
            boolean small = Math.min(p.oldSize(), p.newSize()) < SHORT;
            if (p.similarity() >= (small ? SHORT_THRESHOLD : MATCH_THRESHOLD)) {
                link(p.oldIndex(), p.newIndex(), newToOld, oldToNew, oldUsed, keeps);
            }
        }

        // 6. kinds: moved are the kept paragraphs off the longest run in the old order
        boolean[] inOrder = inOrder(newToOld, keeps);
        List<Match> matches = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int i = newToOld[j];
            ChangeKind kind;
            if (i < 0) {
                kind = ChangeKind.NEW;
            } else if (kinds[j] != null) {
                kind = kinds[j];
            } else if (!inOrder[j] && i != j) {
                kind = ChangeKind.MOVED;
            } else if (normalise(old.get(i).text()).equals(normalise(fresh.get(j)))) {
                kind = ChangeKind.UNCHANGED;
            } else {
                kind = ChangeKind.EDITED;
            }
            matches.add(new Match(kind, i, i >= 0 && keeps[j], merged.get(j)));
        }
        List<Integer> deleted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!oldUsed[i]) {
                deleted.add(i);
            }
        }
        return new Alignment(matches, deleted);
    }

    private static void link(int i, int j, int[] newToOld, int[] oldToNew, boolean[] oldUsed, boolean[] keeps) {
        newToOld[j] = i;
        oldToNew[i] = j;
        oldUsed[i] = true;
        keeps[j] = true;
    }

    /** Marks the new paragraphs whose kept old index lies on a longest increasing run (not moved). */
    static boolean[] inOrder(int[] newToOld, boolean[] keeps) {
        int m = newToOld.length;
        int[] tails = new int[m];
        int[] tailIndex = new int[m];
        int[] previous = new int[m];
        int length = 0;
        for (int j = 0; j < m; j++) {
            if (newToOld[j] < 0 || !keeps[j]) {
                continue;
            }
            int value = newToOld[j];
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tails[lo] = value;
            tailIndex[lo] = j;
            previous[j] = lo > 0 ? tailIndex[lo - 1] : -1;
            if (lo == length) {
                length++;
            }
        }
        boolean[] result = new boolean[m];
        for (int j = length > 0 ? tailIndex[length - 1] : -1; j >= 0; j = previous[j]) {
            result[j] = true;
        }
        return result;
    }

    private record Pair(int oldIndex, int newIndex, double shared, double oldSize, double newSize,
            double similarity, double newContainment, double oldContainment) {

        Pair(int oldIndex, int newIndex, double shared, double oldWeight, double newWeight,
                Map<String, Integer> oldBag, Map<String, Integer> newBag) {
            this(oldIndex, newIndex, shared, count(oldBag), count(newBag), 2 * shared / (oldWeight + newWeight),
                    newWeight == 0 ? 0 : shared / newWeight, oldWeight == 0 ? 0 : shared / oldWeight);
        }
    }

    /** The old paragraphs that contain a word, with how often. */
    private static final class Postings {
        int[] paragraphs = new int[4];
        int[] counts = new int[4];
        int size;

        void add(int paragraph, int count) {
            if (size == paragraphs.length) {
                paragraphs = Arrays.copyOf(paragraphs, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            paragraphs[size] = paragraph;
            counts[size++] = count;
        }
    }

    private static double overlap(Map<String, Integer> a, Map<String, Integer> b, Map<String, Double> weights) {
        var small = a.size() <= b.size() ? a : b;
        var large = small == a ? b : a;
        double total = 0;
        for (var entry : small.entrySet()) {
            Integer other = large.get(entry.getKey());
            if (other != null) {
                total += Math.min(entry.getValue(), other) * weights.get(entry.getKey());
            }
        }
        return total;
    }

    private static int count(Map<String, Integer> bag) {
        int total = 0;
        for (int c : bag.values()) {
            total += c;
        }
        return total;
    }

    private static double weight(Map<String, Integer> bag, Map<String, Double> weights) {
        double total = 0;
        for (var entry : bag.entrySet()) {
            total += entry.getValue() * weights.get(entry.getKey());
        }
        return total;
    }

    /** Content words with their counts; adds each word once to the document frequencies. */
    private static Map<String, Integer> bag(String text, Map<String, Integer> documentFrequency) {
        Map<String, Integer> bag = new HashMap<>();
        var matcher = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (STOP.contains(word)) {
                continue;
            }
            bag.merge(stem(word), 1, Integer::sum);
        }
        for (String word : bag.keySet()) {
            documentFrequency.merge(word, 1, Integer::sum);
        }
        return bag;
    }

    /** A crude English stem: enough that "norm" and "norms", "state" and "states" count as one word. */
    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }
}

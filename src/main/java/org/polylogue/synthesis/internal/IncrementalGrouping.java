package org.polylogue.synthesis.internal;

import static org.polylogue.synthesis.internal.SynthesisEngine.BANDS;
import static org.polylogue.synthesis.internal.SynthesisEngine.LEADERS;
import static org.polylogue.synthesis.internal.SynthesisEngine.SEED;
import static org.polylogue.synthesis.internal.SynthesisEngine.SHINGLE;
import static org.polylogue.synthesis.internal.SynthesisEngine.SIGNATURE_SIZE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.internal.SynthesisEngine.InputState;
import org.polylogue.synthesis.internal.SynthesisEngine.Known;
import org.polylogue.synthesis.internal.SynthesisEngine.Progress;
import org.polylogue.synthesis.internal.SynthesisEngine.SignatureSource;

/**
 * The near-duplicate groups of an incremental synthesis run ({@link IncrementalRun}): only new or
 * changed texts are hashed; they join the stored groups through the stored band keys (or form new
 * ones); groups that lost a member are grouped again among the others. Says which groups changed.
 */
final class IncrementalGrouping {

    private final SynthesisSettings settings;
    private final MinHash minHash;

    IncrementalGrouping(SynthesisSettings settings, MinHash minHash) {
        this.settings = settings;
        this.minHash = minHash;
    }

    /**
     * The groups after a run, with what the rest of the run needs of them.
     *
     * @param oldGroup the stored group of each unchanged text (null: new or changed)
     * @param fresh the texts new or changed since the last run
     * @param removed the keys of stored inputs gone or changed
     * @param signatures the signatures known so far (null: not loaded)
     * @param computed the signatures computed in this run, to be stored
     * @param byRoot the members of each group, by its root in {@code sets}
     * @param groupKey each text's group key (kept from the stored groups where possible)
     * @param changedRoots the roots of the groups that changed
     */
    record Regrouped(long[] hashes, String[] oldGroup, Map<String, Integer> indexOf, List<Integer> fresh,
            Set<String> removed, long[][] signatures, Map<String, Known> computed, UnionFind sets,
            Map<Integer, List<Integer>> byRoot, String[] groupKey, Set<Integer> changedRoots) {}

    Regrouped regroup(List<Input> texts, Map<String, InputState> before, SignatureSource store, Progress progress) {
        int n = texts.size();
        progress.at(10, "Finding new and changed texts among " + n);
        long[] hashes = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> hashes[i] = MinHash.hash(texts.get(i).text()));
        String[] oldGroup = new String[n];
        Map<String, Integer> indexOf = new HashMap<>(n * 2);
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = texts.get(i).key();
            indexOf.put(key, i);
            InputState state = before.get(key);
            if (state != null && state.group() != null && state.textHash() == hashes[i] && state.bands() != null) {
                oldGroup[i] = state.group();
            } else {
                fresh.add(i);
            }
        }
        Set<String> dirty = new HashSet<>();
        Set<String> removed = new HashSet<>();
        Map<String, Integer> groupSizes = new HashMap<>();
        for (var entry : before.entrySet()) {
            InputState state = entry.getValue();
            if (state.group() == null) {
                continue;
            }
            groupSizes.merge(state.group(), 1, Integer::sum);
            Integer i = indexOf.get(entry.getKey());
            if (i == null || oldGroup[i] == null) {
                removed.add(entry.getKey());
                dirty.add(state.group());
            }
        }
        // signatures of new and changed texts only
        long[][] signatures = new long[n][];
        Map<String, Known> computed = new java.util.concurrent.ConcurrentHashMap<>();
        fresh.parallelStream().forEach(i -> {
            signatures[i] = minHash.signature(texts.get(i).text());
            computed.put(texts.get(i).key(), new Known(hashes[i], signatures[i]));
        });
        progress.at(30, "Matching " + fresh.size() + " new texts with the campaigns");
        UnionFind sets = new UnionFind(n);
        Map<String, Integer> firstOfGroup = new HashMap<>();
        Map<String, List<Integer>> dirtyMembers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (oldGroup[i] == null) {
                continue;
            }
            if (dirty.contains(oldGroup[i])) {
                dirtyMembers.computeIfAbsent(oldGroup[i], g -> new ArrayList<>()).add(i);
            } else {
                Integer first = firstOfGroup.putIfAbsent(oldGroup[i], i);
                if (first != null) {
                    sets.union(first, i);
                }
            }
        }
        // groups that lost a member are grouped again among their remaining members
        if (!dirtyMembers.isEmpty()) {
            load(store, texts, signatures, dirtyMembers.values().stream().flatMap(List::stream).toList());
            for (List<Integer> members : dirtyMembers.values()) {
                var regroup = new LshGrouping(SIGNATURE_SIZE, BANDS, settings.campaignThreshold);
                regroup.addAll(members.stream().map(i -> signatures[i]).toList());
                for (int[] component : regroup.groups(1)) {
                    for (int m : component) {
                        sets.union(members.get(component[0]), members.get(m));
                    }
                }
            }
        }
        // new texts among themselves
        if (fresh.size() > 1) {
            var among = new LshGrouping(SIGNATURE_SIZE, BANDS, settings.campaignThreshold);
            among.addAll(fresh.stream().map(i -> signatures[i]).toList());
            for (int[] component : among.groups(2)) {
                for (int m : component) {
                    sets.union(fresh.get(component[0]), fresh.get(m));
                }
            }
        }
        // new texts against the stored band keys of all others: candidates, then verified
        candidates(texts, fresh, signatures, oldGroup, before, sets, store);
        progress.at(50, "Describing the campaigns that changed");

        // components, their keys, and whether they changed
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
        }
        String[] groupKey = new String[n];
        Set<Integer> changedRoots = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        for (var entry : byRoot.entrySet()) {
            List<Integer> members = entry.getValue();
            Map<String, Integer> keys = new HashMap<>();
            boolean hasNew = false;
            for (int m : members) {
                if (oldGroup[m] == null) {
                    hasNew = true;
                } else {
                    keys.merge(oldGroup[m], 1, Integer::sum);
                }
            }
            String key = keys.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).filter(claimed::add)
                    .findFirst().orElseGet(() -> "g-" + UUID.randomUUID());
            boolean unchanged = !hasNew && keys.size() == 1 && !dirty.contains(key)
                    && groupSizes.getOrDefault(key, -1) == members.size();
            if (!unchanged) {
                changedRoots.add(entry.getKey());
            }
            for (int m : members) {
                groupKey[m] = key;
            }
        }
        return new Regrouped(hashes, oldGroup, indexOf, fresh, removed, signatures, computed, sets, byRoot, groupKey,
                changedRoots);
    }

    /**
     * Candidates of new texts among the others by their stored band keys, at most a few per other
     * group (those sharing most bands first), verified by estimated similarity; joins are made in {@code sets}.
     */
    private void candidates(List<Input> texts, List<Integer> fresh, long[][] signatures, String[] oldGroup,
            Map<String, InputState> before, UnionFind sets, SignatureSource store) {
        if (fresh.isEmpty()) {
            return;
        }
        int f = fresh.size();
        // (band key, band, position in fresh), sorted by key
        long[][] entries = new long[f * BANDS][];
        for (int p = 0; p < f; p++) {
            long[] keys = LshGrouping.bandKeys(signatures[fresh.get(p)], BANDS);
            for (int b = 0; b < BANDS; b++) {
                entries[p * BANDS + b] = new long[] {keys[b], b, p};
            }
        }
        Arrays.sort(entries, Comparator.comparingLong(e -> e[0]));
        long[] sortedKeys = new long[entries.length];
        for (int e = 0; e < entries.length; e++) {
            sortedKeys[e] = entries[e][0];
        }
        List<Map<Integer, Integer>> shared = new ArrayList<>();
        for (int p = 0; p < f; p++) {
            shared.add(new HashMap<>());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (oldGroup[i] == null) {
                continue;
            }
            long[] bands = before.get(texts.get(i).key()).bands();
            for (int b = 0; b < BANDS && b < bands.length; b++) {
                int at = Arrays.binarySearch(sortedKeys, bands[b]);
                if (at < 0) {
                    continue;
                }
                while (at > 0 && sortedKeys[at - 1] == bands[b]) {
                    at--;
                }
                for (; at < sortedKeys.length && sortedKeys[at] == bands[b]; at++) {
                    if (entries[at][1] == b) {
                        shared.get((int) entries[at][2]).merge(i, 1, Integer::sum);
                    }
                }
            }
        }
        // per new text and per other group: the few members sharing most bands
        List<Map<Integer, List<Integer>>> chosen = new ArrayList<>();
        Set<Integer> needed = new HashSet<>();
        for (int p = 0; p < f; p++) {
            Map<Integer, List<Integer>> perGroup = new HashMap<>();
            var ordered = new ArrayList<>(shared.get(p).entrySet());
            ordered.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (var entry : ordered) {
                var list = perGroup.computeIfAbsent(sets.find(entry.getKey()), r -> new ArrayList<>());
                if (list.size() < LEADERS) {
                    list.add(entry.getKey());
                    needed.add(entry.getKey());
                }
            }
            chosen.add(perGroup);
        }
        load(store, texts, signatures, needed);
        for (int p = 0; p < f; p++) {
            int i = fresh.get(p);
            for (List<Integer> others : chosen.get(p).values()) {
                for (int o : others) {
                    if (sets.find(o) == sets.find(i)) {
                        break;
                    }
                    if (MinHash.similarity(signatures[i], signatures[o]) >= settings.campaignThreshold) {
                        sets.union(i, o);
                        break;
                    }
                }
            }
        }
    }

    /** Loads the stored signatures of the given texts that are not in memory yet. */
    static void load(SignatureSource store, List<Input> texts, long[][] signatures, Collection<Integer> which) {
        Map<String, Integer> missing = new HashMap<>();
        for (int i : which) {
            if (signatures[i] == null) {
                missing.put(texts.get(i).key(), i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        store.load(missing.keySet()).forEach((key, signature) -> signatures[missing.get(key)] = signature);
        for (var entry : missing.entrySet()) {
            if (signatures[entry.getValue()] == null) {
                // not stored (should not happen): computed again rather than failing
                signatures[entry.getValue()] = new MinHash(SIGNATURE_SIZE, SHINGLE, SEED).signature(
                        texts.get(entry.getValue()).text());
            }
        }
    }
}

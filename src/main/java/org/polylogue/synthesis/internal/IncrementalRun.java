package org.polylogue.synthesis.internal;

import static org.polylogue.synthesis.internal.SynthesisEngine.BANDS;
import static org.polylogue.synthesis.internal.SynthesisEngine.LEADERS;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW_THEME;
import static org.polylogue.synthesis.internal.SynthesisEngine.OUTLIER;
import static org.polylogue.synthesis.internal.SynthesisEngine.SEED;
import static org.polylogue.synthesis.internal.SynthesisEngine.SHINGLE;
import static org.polylogue.synthesis.internal.SynthesisEngine.SIGNATURE_SIZE;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS_THEME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;
import org.polylogue.synthesis.internal.DigestAssembly.Placement;
import org.polylogue.synthesis.internal.SynthesisEngine.InputState;
import org.polylogue.synthesis.internal.SynthesisEngine.Known;
import org.polylogue.synthesis.internal.SynthesisEngine.Outcome;
import org.polylogue.synthesis.internal.SynthesisEngine.Previous;
import org.polylogue.synthesis.internal.SynthesisEngine.Progress;
import org.polylogue.synthesis.internal.SynthesisEngine.RunInfo;
import org.polylogue.synthesis.internal.SynthesisEngine.SignatureSource;
import org.polylogue.synthesis.internal.SynthesisEngine.Split;

/**
 * An incremental synthesis run (see {@link SynthesisEngine#incremental}): starts from the state the
 * last runs stored and touches only what new, changed or removed inputs affect.
 */
final class IncrementalRun {

    /** A stored theme the model no longer has. */
    private static final int UNPLACED = -3;

    private final SynthesisSettings settings;
    private final MinHash minHash;

    IncrementalRun(SynthesisSettings settings, MinHash minHash) {
        this.settings = settings;
        this.minHash = minHash;
    }

    /**
     * An incremental run after the full analysis {@code previous}: only new or changed texts are
     * hashed; their candidates come from the stored band keys; they join the stored near-duplicate
     * groups (or form new ones); only groups that changed are described again; new distinct inputs
     * are placed at the nearest stored theme centroid (or among "new inputs" when close to none);
     * removed or hidden inputs leave their groups, which are then regrouped. Consensus, paragraphs
     * and the digest are recomputed. Returns null when a full run is due instead: no usable previous
     * state, or more new distinct inputs since the full analysis than the drift share allows.
     */
    Outcome run(String consultationId, List<Input> all, Previous previous, SignatureSource store,
            Map<String, Integer> paragraphNumbers, Progress progress, Instant now) {
        if (previous == null || previous.model() == null || previous.info() == null || previous.digest() == null) {
            return null;
        }
        Split split = SynthesisEngine.split(all);
        List<Input> texts = split.texts();
        int n = texts.size();
        progress.at(10, "Finding new and changed texts among " + n);
        long[] hashes = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> hashes[i] = MinHash.hash(texts.get(i).text()));
        Map<String, InputState> before = previous.inputs();
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
        int minimum = Math.max(2, settings.campaignMinimum);
        List<int[]> groups = byRoot.values().stream().filter(g -> g.size() >= minimum)
                .map(g -> g.stream().mapToInt(Integer::intValue).sorted().toArray())
                .sorted((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]))
                .toList();
        Map<String, Digest.Campaign> campaignsBefore = new HashMap<>();
        previous.digest().campaigns().forEach(c -> campaignsBefore.put(c.id(), c));
        List<Digest.Campaign> campaigns = new ArrayList<>();
        List<Integer> representatives = new ArrayList<>();
        boolean[] changedCampaign = new boolean[groups.size()];
        List<Integer> toLoad = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            int[] members = groups.get(c);
            var old = campaignsBefore.get("c-" + texts.get(members[0]).id());
            Integer rep = old == null ? null : indexOf.get(old.representativeKind() + ":" + old.representativeId());
            changedCampaign[c] = changedRoots.contains(sets.find(members[0])) || old == null || rep == null
                    || old.size() != members.length;
            if (changedCampaign[c]) {
                for (int m : CampaignAnalysis.evenly(members, CampaignAnalysis.CENTRALITY_SAMPLE)) {
                    toLoad.add(m);
                }
            }
        }
        load(store, texts, signatures, toLoad);
        List<long[]> signatureList = Arrays.asList(signatures);
        int described = 0;
        for (int c = 0; c < groups.size(); c++) {
            int[] members = groups.get(c);
            String id = "c-" + texts.get(members[0]).id();
            if (changedCampaign[c]) {
                int rep = CampaignAnalysis.representative(members, signatureList);
                representatives.add(rep);
                campaigns.add(CampaignAnalysis.describe(id, members, rep, texts));
                described++;
            } else {
                var old = campaignsBefore.get(id);
                representatives.add(indexOf.get(old.representativeKind() + ":" + old.representativeId()));
                campaigns.add(old);
            }
        }
        progress.at(70, "Placing new inputs in the themes");
        ThemeModel model = previous.model();
        List<Integer> distinct = SynthesisEngine.distinct(n, groups, representatives);
        int[] campaignOf = new int[n];
        Arrays.fill(campaignOf, -1);
        for (int c = 0; c < groups.size(); c++) {
            for (int m : groups.get(c)) {
                campaignOf[m] = c;
            }
        }
        Placement[] placements = new Placement[distinct.size()];
        int newDistinct = 0;
        for (int j = 0; j < distinct.size(); j++) {
            int d = distinct.get(j);
            String text = texts.get(d).text();
            int c = campaignOf[d];
            if (!SynthesisEngine.worded(text)) {
                placements[j] = new Placement(SYMBOLS, 0);
                continue;
            }
            boolean changed = c >= 0 ? changedCampaign[c] : changedRoots.contains(sets.find(d));
            String before1 = c >= 0 ? majorityTheme(groups.get(c), texts, before, oldGroup)
                    : oldGroup[d] == null ? null : before.get(texts.get(d).key()).themeId();
            int theme = themeIndex(model, before1);
            if (theme == UNPLACED) {
                double[] closeness = model.closeness(text);
                int best = closeness.length == 0 ? 0 : SphericalKMeans.argmax(closeness);
                placements[j] = closeness.length == 0 || closeness[best] < OUTLIER ? new Placement(NEW, 0)
                        : new Placement(best, closeness[best]);
                newDistinct++;
            } else if (!changed && c < 0 || !changed && d == representatives.get(c)) {
                placements[j] = new Placement(theme, before.get(texts.get(d).key()).closeness());
            } else {
                placements[j] = new Placement(theme, theme >= 0 ? model.closeness(text)[theme] : 0);
            }
        }
        RunInfo last = previous.info();
        int driftLimit = (int) Math.floor(settings.fullAfterShare * last.distinctAtFull());
        if (last.newDistinct() + newDistinct > driftLimit) {
            return null;
        }
        progress.at(85, "Weighing agreement across stakeholder groups");
        var info = new RunInfo(last.fullAt(), last.distinctAtFull(), last.newInputs() + fresh.size(),
                last.newDistinct() + newDistinct);
        var run = new Digest.Run("incremental", last.fullAt(), info.newInputs());
        var assembled = DigestAssembly.assemble(consultationId, split, groups, campaigns, representatives, distinct, placements, model,
                paragraphNumbers, now, run, false);
        // what changed, to be written (snippets made only for those)
        Map<String, InputState> states = new HashMap<>();
        List<Member> changedMembers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Input input = texts.get(i);
            Member member = assembled.members().get(i);
            InputState old = oldGroup[i] == null ? null : before.get(input.key());
            var state = new InputState(hashes[i], old != null ? old.bands() : LshGrouping.bandKeys(signatures[i], BANDS),
                    groupKey[i], member.campaignId(), member.themeId(), assembled.closeness()[i]);
            if (old == null || !state.sameAs(old)) {
                states.put(input.key(), state);
            }
            if (old == null || !Objects.equals(old.campaignId(), member.campaignId())
                    || !Objects.equals(old.themeId(), member.themeId())) {
                changedMembers.add(new Member(member.kind(), member.id(), member.themeId(), member.campaignId(),
                        Labels.excerpt(input.text(), 200), member.organizationName(), member.at()));
            }
        }
        progress.at(98, "Saving the digest (" + described + " campaigns described again)");
        return new Outcome(assembled.digest(), assembled.members(), computed, false, states, removed, changedMembers,
                removed, null, info);
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
    private static void load(SignatureSource store, List<Input> texts, long[][] signatures, Collection<Integer> which) {
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

    private static String majorityTheme(int[] members, List<Input> texts, Map<String, InputState> before,
            String[] oldGroup) {
        Map<String, Integer> counts = new HashMap<>();
        for (int m : members) {
            if (oldGroup[m] != null) {
                String theme = before.get(texts.get(m).key()).themeId();
                if (theme != null) {
                    counts.merge(theme, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }

    private static int themeIndex(ThemeModel model, String id) {
        if (id == null) {
            return UNPLACED;
        }
        if (id.equals(SYMBOLS_THEME)) {
            return SYMBOLS;
        }
        if (id.equals(NEW_THEME)) {
            return NEW;
        }
        int index = model.indexOf(id);
        return index >= 0 ? index : UNPLACED;
    }
}

package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;

/**
 * The whole computation, without the database: inputs in, digest and members out. A full run
 * ({@link #run}) compares everything and clusters the themes; an incremental run
 * ({@link #incremental}) starts from what the last runs stored (per input: text hash, band keys,
 * near-duplicate group, theme; the theme model) and touches only what new, changed or removed
 * inputs affect (docs/adr/007-synthesis-campaigns-and-themes.md).
 */
public final class SynthesisEngine {

    public static final int SIGNATURE_SIZE = 128;
    static final int BANDS = 32;
    static final int SHINGLE = 3;
    static final long SEED = 20261130L;
    static final String SYMBOLS_THEME = "t-symbols";
    static final String NEW_THEME = "t-new";
    /** Closeness to the nearest theme below which a new input is "close to no theme". */
    static final double OUTLIER = 0.05;
    /** Members of another group a new text is compared with, at most (as the full run's bucket leaders). */
    static final int LEADERS = 6;
    /** The subject and id of the whole-document point (and the "paragraph" of inputs tied to none). */
    static final String DOCUMENT = "document";
    private static final int SYMBOLS = -1;
    private static final int NEW = -2;
    private static final int UNPLACED = -3;

    /** Where the computation is, for the progress bar. */
    public interface Progress {
        void at(int percent, String message);

        Progress NONE = (percent, message) -> { };
    }

    /** A stored signature with the hash of the text it was computed from. */
    public record Known(long textHash, long[] signature) {}

    /**
     * What is kept of an input between runs.
     *
     * @param bands its LSH band keys (candidates for new inputs are found by them)
     * @param group its near-duplicate group (any size, a campaign from the minimum up); null: not in the last run
     * @param campaignId, themeId as in the last digest
     * @param closeness to its theme, for an input that is a distinct voice (0 for other campaign members)
     */
    public record InputState(long textHash, long[] bands, String group, String campaignId, String themeId,
            float closeness) {

        boolean sameAs(InputState other) {
            return textHash == other.textHash && Objects.equals(group, other.group)
                    && Objects.equals(campaignId, other.campaignId) && Objects.equals(themeId, other.themeId)
                    && closeness == other.closeness;
        }
    }

    /**
     * The last full analysis and the drift since: new inputs and new distinct voices placed by
     * incremental runs (when the latter exceed {@code full-after-share} of the distinct voices of the
     * full analysis, the next run is a full one).
     */
    public record RunInfo(Instant fullAt, int distinctAtFull, int newInputs, int newDistinct) {}

    /** What an incremental run starts from. */
    public record Previous(Digest digest, Map<String, InputState> inputs, ThemeModel model, RunInfo info) {}

    /** Stored signatures, read only for the inputs an incremental run needs to compare. */
    public interface SignatureSource {
        Map<String, long[]> load(Collection<String> keys);
    }

    /**
     * The result of a run.
     *
     * @param computed signatures computed in this run (by input key)
     * @param states input states to store: all of them after a full run, the changed ones after an incremental one
     * @param removed inputs that left the analysis (deleted, hidden, or text changed and re-added under the same key)
     * @param members every input with its theme and campaign (after an incremental run, snippets only
     *     in {@code changedMembers}: the others are stored already)
     * @param changedMembers member rows to write (all after a full run)
     * @param removedMembers member rows to delete (incremental runs)
     * @param model the theme model to store (null: unchanged)
     */
    public record Outcome(Digest digest, List<Member> members, Map<String, Known> computed, boolean full,
            Map<String, InputState> states, Set<String> removed, List<Member> changedMembers, Set<String> removedMembers,
            ThemeModel model, RunInfo info) {}

    private final SynthesisSettings settings;
    private final MinHash minHash = new MinHash(SIGNATURE_SIZE, SHINGLE, SEED);

    public SynthesisEngine(SynthesisSettings settings) {
        this.settings = settings;
    }

    public MinHash minHash() {
        return minHash;
    }

    public static long textHash(String text) {
        return MinHash.hash(text);
    }

    /** Signatures of all texts (computing only those not known), in input order. */
    public List<long[]> signatures(List<Input> texts, Map<String, Known> known, Map<String, Known> computed,
            Progress progress) {
        long[][] signatures = new long[texts.size()][];
        AtomicInteger done = new AtomicInteger();
        Map<String, Known> fresh = new java.util.concurrent.ConcurrentHashMap<>();
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            Input input = texts.get(i);
            long hash = textHash(input.text());
            Known k = known.get(input.key());
            if (k != null && k.textHash() == hash && k.signature().length == SIGNATURE_SIZE) {
                signatures[i] = k.signature();
            } else {
                signatures[i] = minHash.signature(input.text());
                fresh.put(input.key(), new Known(hash, signatures[i]));
            }
            int count = done.incrementAndGet();
            if (count % 5_000 == 0) {
                progress.at(10 + (int) (40L * count / texts.size()), "Comparing texts: " + count + " of " + texts.size());
            }
        });
        computed.putAll(fresh);
        return Arrays.asList(signatures);
    }

    /** Groups of near-duplicates (indexes into {@code signatures}), largest first. */
    public List<int[]> campaigns(List<long[]> signatures) {
        var grouping = new LshGrouping(SIGNATURE_SIZE, BANDS, settings.campaignThreshold);
        grouping.addAll(signatures);
        return grouping.groups(Math.max(2, settings.campaignMinimum));
    }

    /** Comments and written submissions with text, oldest first (ties by key), and text-less stances. */
    private record Split(List<Input> texts, List<Input> stances) {}

    private static Split split(List<Input> all) {
        List<Input> texts = new ArrayList<>();
        List<Input> stances = new ArrayList<>();
        for (Input input : all) {
            if (input.text() != null && !input.text().isBlank()) {
                texts.add(input);
            } else if (input.stance() != null) {
                stances.add(input);
            }
        }
        texts.sort(Comparator.comparing(Input::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Input::key));
        return new Split(texts, stances);
    }

    private static boolean worded(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The full analysis: every input compared, themes clustered from scratch. */
    public Outcome run(String consultationId, List<Input> all, Map<String, Known> known,
            Map<String, Integer> paragraphNumbers, Progress progress, Instant now) {
        Split split = split(all);
        List<Input> texts = split.texts();
        progress.at(10, "Comparing " + texts.size() + " texts");
        Map<String, Known> computed = new HashMap<>();
        List<long[]> signatures = signatures(texts, known, computed, progress);
        progress.at(50, "Finding campaigns");
        var grouping = new LshGrouping(SIGNATURE_SIZE, BANDS, settings.campaignThreshold);
        grouping.addAll(signatures);
        List<int[]> components = grouping.groups(1);
        List<int[]> groups = components.stream().filter(g -> g.length >= Math.max(2, settings.campaignMinimum))
                .toList();
        String[] groupKey = new String[texts.size()];
        for (int[] component : components) {
            String key = texts.get(component[0]).key();
            for (int m : component) {
                groupKey[m] = key;
            }
        }
        List<Digest.Campaign> campaigns = new ArrayList<>();
        List<Integer> representatives = new ArrayList<>();
        for (int[] members : groups) {
            int rep = CampaignAnalysis.representative(members, signatures);
            representatives.add(rep);
            campaigns.add(CampaignAnalysis.describe("c-" + texts.get(members[0]).id(), members, rep, texts));
        }
        progress.at(60, "Finding themes");
        List<Integer> distinct = distinct(texts.size(), groups, representatives);
        List<Integer> worded = new ArrayList<>();
        Placement[] placements = new Placement[distinct.size()];
        for (int j = 0; j < distinct.size(); j++) {
            if (worded(texts.get(distinct.get(j)).text())) {
                worded.add(j);
            } else {
                placements[j] = new Placement(SYMBOLS, 0);
            }
        }
        var clustering = new ThemeClustering(settings.maxThemes, SEED);
        var themes = clustering.cluster(worded.stream().map(j -> texts.get(distinct.get(j)).text()).toList());
        for (int w = 0; w < worded.size(); w++) {
            int theme = themes.assignment()[w];
            placements[worded.get(w)] = new Placement(theme, themes.closeness()[w][theme]);
        }
        progress.at(90, "Weighing agreement across stakeholder groups");
        ThemeModel model = themes.model();
        var run = new Digest.Run("full", now, 0);
        var assembled = assemble(consultationId, split, groups, campaigns, representatives, distinct, placements,
                model, paragraphNumbers, now, run, true);
        Map<String, InputState> states = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            states.put(texts.get(i).key(), new InputState(MinHash.hash(texts.get(i).text()),
                    LshGrouping.bandKeys(signatures.get(i), BANDS), groupKey[i], assembled.members().get(i).campaignId(),
                    assembled.members().get(i).themeId(), assembled.closeness()[i]));
        }
        var info = new RunInfo(now, distinct.size(), 0, 0);
        progress.at(98, "Saving the digest");
        return new Outcome(assembled.digest(), assembled.members(), computed, true, states, Set.of(),
                assembled.members(), Set.of(), model, info);
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
    public Outcome incremental(String consultationId, List<Input> all, Previous previous, SignatureSource store,
            Map<String, Integer> paragraphNumbers, Progress progress, Instant now) {
        if (previous == null || previous.model() == null || previous.info() == null || previous.digest() == null) {
            return null;
        }
        Split split = split(all);
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
        List<Integer> distinct = distinct(n, groups, representatives);
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
            if (!worded(text)) {
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
        var assembled = assemble(consultationId, split, groups, campaigns, representatives, distinct, placements, model,
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

    /** Distinct inputs: the representative of each campaign, then every input in none (input order). */
    private static List<Integer> distinct(int n, List<int[]> groups, List<Integer> representatives) {
        boolean[] inCampaign = new boolean[n];
        for (int[] group : groups) {
            for (int m : group) {
                inCampaign[m] = true;
            }
        }
        List<Integer> distinct = new ArrayList<>(representatives);
        for (int i = 0; i < n; i++) {
            if (!inCampaign[i]) {
                distinct.add(i);
            }
        }
        return distinct;
    }

    /** Where a distinct input goes: a theme of the model (index), {@link #SYMBOLS} or {@link #NEW}. */
    private record Placement(int theme, double closeness) {}

    private record Assembled(Digest digest, List<Member> members, float[] closeness) {}

    /** Themes, voices, consensus, paragraphs, members and notes from campaigns and placed distinct inputs. */
    private Assembled assemble(String consultationId, Split split, List<int[]> groups, List<Digest.Campaign> campaigns,
            List<Integer> representatives, List<Integer> distinct, Placement[] placements, ThemeModel model,
            Map<String, Integer> paragraphNumbers, Instant now, Digest.Run run, boolean snippets) {
        List<Input> texts = split.texts();
        List<Input> stances = split.stances();
        List<String> notes = new ArrayList<>();
        int[] campaignOf = new int[texts.size()];
        Arrays.fill(campaignOf, -1);
        for (int c = 0; c < groups.size(); c++) {
            for (int m : groups.get(c)) {
                campaignOf[m] = c;
            }
        }
        // voices: a unique input, a campaign (with the groups of all its members), a stance on a paragraph
        List<Voice> voices = new ArrayList<>();
        Map<Integer, Voice> voiceOfDistinct = new HashMap<>();
        for (int d : distinct) {
            Voice voice = new Voice();
            int c = campaignOf[d];
            if (c >= 0) {
                for (int m : groups.get(c)) {
                    voice.add(texts.get(m));
                }
            } else {
                voice.add(texts.get(d));
            }
            voices.add(voice);
            voiceOfDistinct.put(d, voice);
        }
        for (Input stance : stances) {
            Voice voice = new Voice();
            voice.add(stance);
            voices.add(voice);
        }
        Map<String, Integer> groupVoices = new LinkedHashMap<>();
        for (Voice voice : voices) {
            voice.groups.forEach(g -> groupVoices.merge(g, 1, Integer::sum));
        }

        // themes, largest (by signatories) first
        Map<Integer, ThemeDraft> byIndex = new LinkedHashMap<>();
        for (int t = 0; t < model.themeCount(); t++) {
            byIndex.put(t, new ThemeDraft(t, model.terms(t)));
        }
        int wordless = 0;
        for (int j = 0; j < distinct.size(); j++) {
            Placement placement = placements[j];
            wordless += placement.theme() == SYMBOLS ? 1 : 0;
            byIndex.computeIfAbsent(placement.theme(), t -> new ThemeDraft(t, List.of()))
                    .add(distinct.get(j), placement.closeness());
        }
        List<ThemeDraft> drafts = new ArrayList<>(byIndex.values());
        drafts.removeIf(d -> d.distinct.isEmpty());
        for (ThemeDraft draft : drafts) {
            for (int d : draft.distinct) {
                draft.signatories += campaignOf[d] >= 0 ? groups.get(campaignOf[d]).length : 1;
            }
        }
        drafts.sort((a, b) -> Integer.compare(b.signatories, a.signatories));
        int number = 1;
        for (ThemeDraft draft : drafts) {
            if (draft.index >= 0 && model.id(draft.index) == null) {
                model.id(draft.index, "t" + number++);
            }
        }
        for (int t = 0; t < model.themeCount(); t++) {
            if (model.id(t) == null) {
                model.id(t, "t" + number++);
            }
        }
        Map<Integer, String> themeOfDistinct = new HashMap<>();
        List<Digest.Theme> themeViews = new ArrayList<>();
        List<Digest.Point> points = new ArrayList<>();
        for (ThemeDraft draft : drafts) {
            String id = draft.index == SYMBOLS ? SYMBOLS_THEME : draft.index == NEW ? NEW_THEME : model.id(draft.index);
            String label = draft.index == SYMBOLS ? "Inputs without words (emoji or symbols only)"
                    : draft.index == NEW ? "New inputs not close to any theme (until the next full analysis)"
                    : draft.terms.isEmpty() ? "Other inputs" : String.join(", ", draft.terms.subList(0,
                            Math.min(3, draft.terms.size())));
            Map<String, Integer> paragraphs = new HashMap<>();
            Map<String, Integer> groupCounts = new HashMap<>();
            Map<String, Integer> regions = new HashMap<>();
            List<String> campaignIds = new ArrayList<>();
            List<Voice> themeVoices = new ArrayList<>();
            for (int d : draft.distinct) {
                themeOfDistinct.put(d, id);
                themeVoices.add(voiceOfDistinct.get(d));
                int c = campaignOf[d];
                if (c >= 0) {
                    campaignIds.add(campaigns.get(c).id());
                }
                for (int m : c >= 0 ? groups.get(c) : new int[] {d}) {
                    Input input = texts.get(m);
                    paragraphs.merge(input.paragraphId() == null ? "document" : input.paragraphId(), 1, Integer::sum);
                    groupCounts.merge(Voice.group(input), 1, Integer::sum);
                    if (input.region() != null) {
                        regions.merge(input.region(), 1, Integer::sum);
                    }
                }
            }
            List<Integer> closest = new ArrayList<>(draft.distinct);
            closest.sort((a, b) -> Double.compare(draft.closeness.get(b), draft.closeness.get(a)));
            List<Digest.Excerpt> excerpts = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int d : closest) {
                Input input = texts.get(d);
                String excerpt = Labels.excerpt(input.text(), 280);
                if (seen.add(excerpt)) {
                    excerpts.add(new Digest.Excerpt(input.kind(), input.id(), excerpt));
                }
                if (excerpts.size() == 3) {
                    break;
                }
            }
            var point = Bridging.point("theme", id, label, themeVoices, groupVoices);
            themeViews.add(new Digest.Theme(id, label, draft.terms, draft.distinct.size(), draft.signatories, excerpts,
                    Labels.paragraphCounts(paragraphs, paragraphNumbers), Labels.groupCounts(groupCounts),
                    Labels.regionCounts(regions), campaignIds, point.score()));
            points.add(point);
        }
        for (int c = 0; c < campaigns.size(); c++) {
            var campaign = campaigns.get(c);
            campaigns.set(c, new Digest.Campaign(campaign.id(), campaign.size(), campaign.representativeKind(),
                    campaign.representativeId(), campaign.representative(), campaign.organisations(),
                    campaign.countries(), campaign.identical(), campaign.variations(), campaign.variationsOutOf(),
                    campaign.arrivals(), campaign.bursts(), themeOfDistinct.get(representatives.get(c))));
        }

        // paragraphs: volume, stance and bridging
        List<Digest.ParagraphHeat> heat = new ArrayList<>();
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(paragraphNumbers.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (var paragraph : ordered) {
            List<Voice> about = voices.stream().filter(v -> v.paragraphs.contains(paragraph.getKey())).toList();
            int inputs = 0;
            Set<String> groupsRaising = new HashSet<>();
            for (Voice voice : about) {
                inputs += voice.inputs;
                voice.groups.stream().filter(g -> !Input.UNKNOWN_GROUP.equals(g)).forEach(groupsRaising::add);
            }
            // an organisation once per paragraph, with its latest stance (as on the paragraph's point)
            int support = 0;
            int against = 0;
            int change = 0;
            List<Bridging.Merged> merged = Bridging.merged(about);
            for (Bridging.Merged voice : merged) {
                support += voice.stance() == Input.Stance.SUPPORT ? 1 : 0;
                against += voice.stance() == Input.Stance.AGAINST ? 1 : 0;
                change += voice.stance() == Input.Stance.CHANGE ? 1 : 0;
            }
            heat.add(new Digest.ParagraphHeat(paragraph.getKey(), paragraph.getValue(), inputs, merged.size(), support,
                    against, change, groupsRaising.size()));
            if (!about.isEmpty()) {
                points.add(Bridging.point("paragraph", paragraph.getKey(), "Paragraph " + paragraph.getValue(), about,
                        groupVoices));
            }
        }
        // amendments: each one a point of its own, for it or against it (competing amendments on one
        // paragraph are told apart); the paragraph keeps its point
        Map<String, Input> amendmentInputs = new LinkedHashMap<>();
        for (Input input : texts) {
            if (AmendmentInputs.KIND.equals(input.kind())) {
                amendmentInputs.put(input.id(), input);
            }
        }
        for (Input input : stances) {
            if (AmendmentInputs.KIND.equals(input.kind())) {
                amendmentInputs.put(input.id(), input);
            }
        }
        Map<String, List<Voice>> onAmendment = new LinkedHashMap<>();
        for (Voice voice : voices) {
            for (String amendment : voice.amendments.keySet()) {
                onAmendment.computeIfAbsent(amendment, a -> new ArrayList<>()).add(voice.on(amendment));
            }
        }
        for (var amendment : onAmendment.entrySet()) {
            points.add(Bridging.point("amendment", amendment.getKey(),
                    amendmentLabel(amendmentInputs.get(amendment.getKey()), paragraphNumbers), amendment.getValue(),
                    groupVoices));
        }
        // the whole document: ledger stances on the consultation, turns and comments tied to no paragraph
        List<Voice> onDocument = voices.stream().filter(v -> v.paragraphs.contains(DOCUMENT)).toList();
        if (!onDocument.isEmpty()) {
            points.add(Bridging.point(DOCUMENT, DOCUMENT, "The whole document", onDocument, groupVoices));
        }
        List<Digest.Point> consensus = points.stream().filter(Bridging::isConsensus)
                .sorted((a, b) -> Double.compare(b.score() * raising(b), a.score() * raising(a))).limit(10).toList();
        List<Digest.Point> contested = points.stream().filter(Bridging::isContested).limit(10).toList();

        // members, for the theme and campaign pages
        List<Member> members = new ArrayList<>(texts.size());
        String[] themeOfInput = new String[texts.size()];
        float[] closeness = new float[texts.size()];
        for (int j = 0; j < distinct.size(); j++) {
            int d = distinct.get(j);
            closeness[d] = (float) placements[j].closeness();
            int c = campaignOf[d];
            for (int m : c >= 0 ? groups.get(c) : new int[] {d}) {
                themeOfInput[m] = themeOfDistinct.get(d);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Input input = texts.get(i);
            members.add(new Member(input.kind(), input.id(), themeOfInput[i],
                    campaignOf[i] >= 0 ? campaigns.get(campaignOf[i]).id() : null,
                    snippets ? Labels.excerpt(input.text(), 200) : null, input.organizationName(), input.at()));
        }

        Set<String> organisations = new HashSet<>();
        Set<String> stakeholderGroups = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Input input : texts) {
            if (input.organizationId() != null || input.organizationName() != null) {
                organisations.add(input.organizationId() != null ? input.organizationId() : "name:" + input.organizationName());
            }
            if (input.group() != null && !Input.UNKNOWN_GROUP.equals(input.group())) {
                // unidentified transcript speakers are no stakeholder group: listed, never counted
                stakeholderGroups.add(input.group());
            }
            if (input.country() != null) {
                countries.add(input.country());
            }
        }
        if (texts.isEmpty()) {
            notes.add("No comments or written submissions yet: there is nothing to summarise. The digest fills in as "
                    + "inputs arrive.");
        } else if (texts.size() == 1) {
            notes.add("Only one input so far: there is nothing to compare it with yet, so no campaigns and one theme.");
        } else if (distinct.size() == 1 && !campaigns.isEmpty()) {
            notes.add("Every input is (nearly) the same text: they form one campaign.");
        }
        if (wordless > 0) {
            notes.add(wordless + (wordless == 1 ? " input has" : " inputs have")
                    + " no words (only emoji or symbols); they are listed together rather than by topic.");
        }
        if (stakeholderGroups.size() < 2 && !texts.isEmpty()) {
            notes.add("Fewer than two stakeholder groups took part, so no point can show agreement across groups yet.");
        }
        var digest = new Digest(consultationId, now, texts.size(), distinct.size(), organisations.size(),
                stakeholderGroups.size(), countries.size(), campaigns, themeViews, consensus, contested, heat, notes, run);
        return new Assembled(digest, members, closeness);
    }

    /** "Amendment to paragraph 3 by Civil Voice" (the proposer, when an organisation). */
    private static String amendmentLabel(Input amendment, Map<String, Integer> paragraphNumbers) {
        if (amendment == null) {
            return "Amendment";
        }
        Integer number = amendment.paragraphId() == null ? null : paragraphNumbers.get(amendment.paragraphId());
        String label = "Amendment to " + (number != null ? "paragraph " + number
                : amendment.paragraphId() == null ? "the document" : "an earlier paragraph");
        return amendment.organizationName() == null ? label : label + " by " + amendment.organizationName();
    }

    private static long raising(Digest.Point point) {
        return point.groups().stream().filter(g -> g.raised() > 0 && !Input.UNKNOWN_GROUP.equals(g.group())).count();
    }

    private static final class ThemeDraft {
        final int index;
        final List<String> terms;
        final List<Integer> distinct = new ArrayList<>();
        final Map<Integer, Double> closeness = new HashMap<>();
        int signatories;

        ThemeDraft(int index, List<String> terms) {
            this.index = index;
            this.terms = terms;
        }

        void add(int d, double close) {
            distinct.add(d);
            closeness.put(d, close);
        }
    }
}

package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;
import org.polylogue.synthesis.internal.DigestAssembly.Placement;

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
    static final int SYMBOLS = -1;
    static final int NEW = -2;

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
    record Split(List<Input> texts, List<Input> stances) {}

    static Split split(List<Input> all) {
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

    static boolean worded(String text) {
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
        var assembled = DigestAssembly.assemble(consultationId, split, groups, campaigns, representatives, distinct, placements,
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
     * hashed and matched, only changed campaigns described again, new distinct inputs placed in the
     * stored themes (see {@link IncrementalRun}). Returns null when a full run is due instead.
     */
    public Outcome incremental(String consultationId, List<Input> all, Previous previous, SignatureSource store,
            Map<String, Integer> paragraphNumbers, Progress progress, Instant now) {
        return new IncrementalRun(settings, minHash).run(consultationId, all, previous, store, paragraphNumbers,
                progress, now);
    }

    /** Distinct inputs: the representative of each campaign, then every input in none (input order). */
    static List<Integer> distinct(int n, List<int[]> groups, List<Integer> representatives) {
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

}

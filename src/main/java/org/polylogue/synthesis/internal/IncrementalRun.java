package org.polylogue.synthesis.internal;

import static org.polylogue.synthesis.internal.SynthesisEngine.BANDS;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW;
import static org.polylogue.synthesis.internal.SynthesisEngine.NEW_THEME;
import static org.polylogue.synthesis.internal.SynthesisEngine.OUTLIER;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS;
import static org.polylogue.synthesis.internal.SynthesisEngine.SYMBOLS_THEME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;
import org.polylogue.synthesis.internal.DigestAssembly.Placement;
import org.polylogue.synthesis.internal.SynthesisEngine.InputState;
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
        Map<String, InputState> before = previous.inputs();
        var regrouped = new IncrementalGrouping(settings, minHash).regroup(texts, before, store, progress);
        long[] hashes = regrouped.hashes();
        String[] oldGroup = regrouped.oldGroup();
        Map<String, Integer> indexOf = regrouped.indexOf();
        List<Integer> fresh = regrouped.fresh();
        Set<String> removed = regrouped.removed();
        long[][] signatures = regrouped.signatures();
        UnionFind sets = regrouped.sets();
        Map<Integer, List<Integer>> byRoot = regrouped.byRoot();
        String[] groupKey = regrouped.groupKey();
        Set<Integer> changedRoots = regrouped.changedRoots();
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
        IncrementalGrouping.load(store, texts, signatures, toLoad);
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
        return new Outcome(assembled.digest(), assembled.members(), regrouped.computed(), false, states, removed, changedMembers,
                removed, null, info);
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

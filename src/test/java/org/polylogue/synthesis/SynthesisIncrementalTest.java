package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.polylogue.synthesis.internal.SynthesisEngine;
import org.polylogue.synthesis.internal.SynthesisSettings;
import org.polylogue.synthesis.internal.ThemeModel;

/**
 * Incremental runs against full runs on generated corpora: the same campaigns (same groups, same
 * ids) after new members, a new campaign, new unique comments and removed inputs; new comments of
 * a known topic placed in that topic's theme; a full run once inputs drifted; the theme model
 * stored and read back unchanged.
 */
class SynthesisIncrementalTest {

    static final Instant START = Instant.parse("2026-11-30T00:00:00Z");
    static final String[] GROUPS = {"MEMBER_STATE", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "ACADEMIA", null};

    final SynthesisEngine engine = new SynthesisEngine(SynthesisSettings.defaults());
    final Map<String, Integer> paragraphs = Map.of("p1", 1, "p2", 2);

    /** What the database would hold after a run: states, signatures, model, drift. */
    static final class Store {
        final Map<String, SynthesisEngine.InputState> states = new HashMap<>();
        final Map<String, long[]> signatures = new HashMap<>();
        ThemeModel model;
        SynthesisEngine.RunInfo info;
        Digest digest;

        void keep(SynthesisEngine.Outcome outcome) {
            outcome.computed().forEach((key, known) -> signatures.put(key, known.signature()));
            if (outcome.full()) {
                states.clear();
                // stored and read back, as the database does
                model = ThemeModel.fromBytes(outcome.model().toBytes());
            }
            outcome.removed().forEach(states::remove);
            states.putAll(outcome.states());
            info = outcome.info();
            digest = outcome.digest();
        }

        SynthesisEngine.Previous previous() {
            return new SynthesisEngine.Previous(digest, Map.copyOf(states), model, info);
        }

        SynthesisEngine.SignatureSource source() {
            return keys -> keys.stream().filter(signatures::containsKey)
                    .collect(Collectors.toMap(k -> k, signatures::get));
        }
    }

    static Input comment(int i, String text) {
        return new Input("comment", "c" + i, text, i % 3 == 0 ? "p1" : "p2", null, null, GROUPS[i % GROUPS.length], null,
                "KE", START.plusSeconds(i), null);
    }

    SynthesisEngine.Outcome full(List<Input> inputs) {
        return engine.run("c", inputs, Map.of(), paragraphs, SynthesisEngine.Progress.NONE, START.plusSeconds(100_000));
    }

    SynthesisEngine.Outcome incremental(List<Input> inputs, Store store) {
        return engine.incremental("c", inputs, store.previous(), store.source(), paragraphs,
                SynthesisEngine.Progress.NONE, START.plusSeconds(200_000));
    }

    /** Campaign id to the keys of its members. */
    static Map<String, Set<String>> campaigns(SynthesisEngine.Outcome outcome) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (Member m : outcome.members()) {
            if (m.campaignId() != null) {
                groups.computeIfAbsent(m.campaignId(), k -> new HashSet<>()).add(m.kind() + ":" + m.id());
            }
        }
        return groups;
    }

    @Test
    void anIncrementalRunFindsTheSameCampaignsAsAFullRun() {
        var corpus = LabelledCorpus.campaigns(12, 20, 240, 5);
        List<Input> first = new ArrayList<>();
        for (int i = 0; i < 460; i++) {
            first.add(comment(i, corpus.get(i).text()));
        }
        var store = new Store();
        store.keep(full(first));
        assertThat(store.digest.campaigns()).hasSizeGreaterThanOrEqualTo(10);

        // later: the rest of the corpus (members of known campaigns and unique comments), a new
        // campaign, an edited comment; removed: all but two members of one campaign and a few others
        List<Input> later = new ArrayList<>(first);
        int label = corpus.stream().filter(l -> l.label() >= 0).findFirst().orElseThrow().label();
        List<Input> ofLabel = later.stream().filter(in -> corpus.get(Integer.parseInt(in.id().substring(1))).label()
                == label).toList();
        Set<Input> removed = new HashSet<>(ofLabel.subList(2, ofLabel.size()));
        removed.add(later.get(5));
        removed.add(later.get(50));
        later.removeAll(removed);
        for (int i = 460; i < corpus.size(); i++) {
            later.add(comment(i, corpus.get(i).text()));
        }
        var random = new SplittableRandom(77);
        String letter = LabelledCorpus.letter(new SplittableRandom(99), 99);
        for (int i = 0; i < 6; i++) {
            later.add(comment(1_000 + i, LabelledCorpus.edit(random, letter)));
        }
        int edited = Integer.parseInt(later.get(10).id().substring(1));
        later.set(10, comment(edited, "An entirely different comment on capacity building for small island states."));
        int added = corpus.size() - 460 + 6 + 1;

        var update = incremental(later, store);
        var again = full(later);

        assertThat(update).isNotNull();
        assertThat(update.full()).isFalse();
        assertThat(update.computed()).hasSize(added);
        assertThat(campaigns(update)).isEqualTo(campaigns(again));
        assertThat(update.digest().campaigns().stream().map(c -> c.id() + "/" + c.size()).toList())
                .containsExactlyInAnyOrderElementsOf(again.digest().campaigns().stream()
                        .map(c -> c.id() + "/" + c.size()).toList());
        assertThat(update.digest().distinctVoices()).isEqualTo(again.digest().distinctVoices());
        assertThat(update.digest().inputs()).isEqualTo(later.size());
        // removed inputs are nowhere: not members, not representatives, not excerpts
        Set<String> gone = removed.stream().map(Input::id).collect(Collectors.toSet());
        assertThat(update.members()).noneMatch(m -> gone.contains(m.id()));
        assertThat(update.digest().campaigns()).noneMatch(c -> gone.contains(c.representativeId()));
        assertThat(update.digest().themes()).allSatisfy(t -> assertThat(t.excerpts())
                .noneMatch(e -> gone.contains(e.id())));
        assertThat(update.removedMembers()).containsAll(removed.stream().map(Input::key).toList());
        // every input has a theme; the digest says how it was made
        assertThat(update.members()).allMatch(m -> m.themeId() != null);
        assertThat(update.digest().run().kind()).isEqualTo("incremental");
        assertThat(update.digest().run().newInputs()).isEqualTo(added);
        assertThat(update.digest().run().fullAt()).isEqualTo(START.plusSeconds(100_000));

        // a second update on top of the first, with nothing new, changes nothing
        store.keep(update);
        var quiet = incremental(later, store);
        assertThat(quiet.computed()).isEmpty();
        assertThat(quiet.states()).isEmpty();
        assertThat(quiet.changedMembers()).isEmpty();
        assertThat(campaigns(quiet)).isEqualTo(campaigns(again));
    }

    @Test
    void newCommentsOfAKnownTopicLandInThatTopicsTheme() {
        int[] topics = {0, 1, 2, 3, 4, 5, 6, 7};
        var texts = LabelledCorpus.uniqueEnglish(520, topics, 31);
        List<Input> first = new ArrayList<>();
        for (int i = 0; i < 480; i++) {
            first.add(comment(i, texts.get(i)));
        }
        var store = new Store();
        var initial = full(first);
        store.keep(initial);
        // the theme most of each topic's comments are in
        Map<Integer, Map<String, Integer>> themesOfTopic = new HashMap<>();
        for (Member m : initial.members()) {
            int i = Integer.parseInt(m.id().substring(1));
            themesOfTopic.computeIfAbsent(topics[i % topics.length], t -> new HashMap<>()).merge(m.themeId(), 1,
                    Integer::sum);
        }
        List<Input> later = new ArrayList<>(first);
        for (int i = 480; i < 520; i++) {
            later.add(comment(i, texts.get(i)));
        }
        var update = incremental(later, store);
        assertThat(update).isNotNull();
        int right = 0;
        for (Member m : update.members()) {
            int i = Integer.parseInt(m.id().substring(1));
            if (i >= 480) {
                var counts = themesOfTopic.get(topics[i % topics.length]);
                String expected = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                right += expected.equals(m.themeId()) ? 1 : 0;
            }
        }
        assertThat(right).as("new comments placed in their topic's theme, of 40").isGreaterThanOrEqualTo(38);
        // the earlier comments keep their themes
        Map<String, String> before = new HashMap<>();
        initial.members().forEach(m -> before.put(m.id(), m.themeId()));
        assertThat(update.members()).filteredOn(m -> before.containsKey(m.id()))
                .allMatch(m -> m.themeId().equals(before.get(m.id())));
        assertThat(update.digest().themes().stream().map(Digest.Theme::id).toList())
                .containsExactlyInAnyOrderElementsOf(initial.digest().themes().stream().map(Digest.Theme::id).toList());
    }

    @Test
    void newCommentsInThreeLanguagesArePlacedByTheirLanguagesCentroids() {
        var corpus = LabelledCorpus.themes(700, 12);
        List<Input> first = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            first.add(comment(i, corpus.get(i).text()));
        }
        var store = new Store();
        var initial = full(first);
        store.keep(initial);
        List<Input> later = new ArrayList<>(first);
        for (int i = 640; i < 700; i++) {
            later.add(comment(i, corpus.get(i).text()));
        }
        var update = incremental(later, store);
        var again = full(later);
        assertThat(update).isNotNull();
        // the update's themes agree with a full run about as well as full runs agree with the labels
        int[] labels = new int[later.size()];
        List<String> updateThemes = new ArrayList<>();
        for (int i = 0; i < later.size(); i++) {
            labels[i] = corpus.get(i).label();
        }
        Map<String, String> themeOf = new HashMap<>();
        update.members().forEach(m -> themeOf.put(m.id(), m.themeId()));
        for (int i = 0; i < later.size(); i++) {
            updateThemes.add(themeOf.get("c" + i));
        }
        List<String> distinctIds = updateThemes.stream().distinct().toList();
        double ari = Quality.adjustedRand(labels, updateThemes.stream().mapToInt(distinctIds::indexOf).toArray());
        assertThat(ari).as("ARI of the incremental themes against the topics").isGreaterThanOrEqualTo(0.6);
        assertThat(again.digest().themes()).isNotEmpty();
    }

    @Test
    void tooManyNewDistinctInputsSinceTheFullAnalysisCallForAFullRun() {
        var texts = LabelledCorpus.uniqueEnglish(130, new int[] {0, 1, 2, 3}, 41);
        List<Input> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add(comment(i, texts.get(i)));
        }
        var store = new Store();
        store.keep(full(first));
        List<Input> few = new ArrayList<>(first);
        for (int i = 100; i < 108; i++) {
            few.add(comment(i, texts.get(i)));
        }
        var update = incremental(few, store);
        assertThat(update).isNotNull();
        assertThat(update.info().newDistinct()).isEqualTo(8);
        store.keep(update);
        List<Input> more = new ArrayList<>(few);
        for (int i = 108; i < 130; i++) {
            more.add(comment(i, texts.get(i)));
        }
        assertThat(incremental(more, store)).as("30 new distinct inputs since a full analysis of 100").isNull();
        assertThat(engine.incremental("c", more, null, store.source(), paragraphs, SynthesisEngine.Progress.NONE,
                START)).as("no previous analysis").isNull();
    }

    @Test
    void aHiddenCampaignMemberLeavesAndASmallCampaignDissolves() {
        String text = "Stop the attacks on submarine cables now, they connect whole island nations to the world!";
        List<Input> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(comment(i, text));
        }
        var uniques = LabelledCorpus.uniqueEnglish(20, new int[] {0, 1}, 3);
        for (int i = 0; i < uniques.size(); i++) {
            first.add(comment(10 + i, uniques.get(i)));
        }
        var store = new Store();
        store.keep(full(first));
        assertThat(store.digest.campaigns()).hasSize(1);
        List<Input> later = new ArrayList<>(first);
        later.remove(1);
        var update = incremental(later, store);
        assertThat(update.digest().campaigns()).isEmpty();
        assertThat(update.members()).noneMatch(m -> m.id().equals("c1")).allMatch(m -> m.campaignId() == null);
        assertThat(update.changedMembers()).extracting(Member::id).contains("c0", "c2");
        assertThat(campaigns(update)).isEqualTo(campaigns(full(later)));
    }
}

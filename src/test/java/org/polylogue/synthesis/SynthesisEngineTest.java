package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polylogue.synthesis.internal.LshGrouping;
import org.polylogue.synthesis.internal.MinHash;
import org.polylogue.synthesis.internal.SynthesisEngine;
import org.polylogue.synthesis.internal.SynthesisSettings;
import org.polylogue.synthesis.internal.TextNormalizer;
import org.polylogue.synthesis.internal.UnionFind;

/** The engine on odd inputs, and its parts: normalisation, union-find, LSH grouping, incremental reuse. */
class SynthesisEngineTest {

    final SynthesisEngine engine = new SynthesisEngine(SynthesisSettings.defaults());
    final Instant now = Instant.parse("2026-11-30T10:00:00Z");

    static Input comment(String id, String text, String group, String paragraph) {
        return new Input("comment", id, text, paragraph, null, null, group, null, null,
                Instant.parse("2026-11-30T09:00:00Z"), null);
    }

    SynthesisEngine.Outcome run(List<Input> inputs) {
        return engine.run("c", inputs, Map.of(), Map.of("p1", 1, "p2", 2), SynthesisEngine.Progress.NONE, now);
    }

    @Test
    void noInputsGiveAnEmptyDigestWithAClearNote() {
        var digest = run(List.of()).digest();
        assertThat(digest.inputs()).isZero();
        assertThat(digest.themes()).isEmpty();
        assertThat(digest.campaigns()).isEmpty();
        assertThat(digest.notes()).anyMatch(note -> note.contains("nothing to summarise"));
        assertThat(digest.paragraphs()).hasSize(2);
    }

    @Test
    void oneInputIsOneThemeAndNoCampaign() {
        var digest = run(List.of(comment("a", "Protect hospitals from ransomware.", "ACADEMIA", "p1"))).digest();
        assertThat(digest.themes()).hasSize(1);
        assertThat(digest.campaigns()).isEmpty();
        assertThat(digest.notes()).anyMatch(note -> note.contains("Only one input"));
    }

    @Test
    void identicalInputsAreOneCampaignCountedAsOneVoice() {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(comment("i" + i, "Stop the attacks on submarine cables now!", "CIVIL_SOCIETY", "p1"));
        }
        var outcome = run(inputs);
        assertThat(outcome.digest().campaigns()).hasSize(1);
        assertThat(outcome.digest().campaigns().getFirst().size()).isEqualTo(40);
        assertThat(outcome.digest().campaigns().getFirst().identical()).isEqualTo(40);
        assertThat(outcome.digest().distinctVoices()).isEqualTo(1);
        assertThat(outcome.digest().campaigns().getFirst().bursts()).hasSize(1);
        assertThat(outcome.members()).hasSize(40).allMatch(m -> m.campaignId() != null && m.themeId() != null);
    }

    @Test
    void emojiOnlyAndHugeInputsGiveADigest() {
        String huge = "Critical infrastructure needs protection and clear rules for states. ".repeat(1_500);
        assertThat(huge.length()).isGreaterThan(100_000);
        List<Input> inputs = new ArrayList<>();
        inputs.add(comment("e1", "😀😀🎉", null, null));
        inputs.add(comment("e2", "😀😀🎉", null, null));
        inputs.add(comment("e3", "😀😀🎉", null, null));
        inputs.add(comment("e4", "🔥🔥", null, null));
        inputs.add(comment("h1", huge, "ACADEMIA", "p2"));
        inputs.add(comment("h2", "Capacity building for small states deserves long-term funding.", "MEMBER_STATE", "p1"));
        long started = System.nanoTime();
        var digest = run(inputs).digest();
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
        assertThat(digest.inputs()).isEqualTo(6);
        assertThat(digest.campaigns()).hasSize(1);
        assertThat(digest.campaigns().getFirst().size()).isEqualTo(3);
        assertThat(digest.themes()).anyMatch(t -> t.label().contains("emoji"));
        assertThat(digest.notes()).anyMatch(note -> note.contains("only emoji or symbols"));
    }

    @Test
    void knownSignaturesAreReusedSoOnlyNewInputsAreHashed() {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inputs.add(comment("i" + i, "Comment number " + i + " about cables and CERT cooperation " + i, null, null));
        }
        var first = run(inputs);
        assertThat(first.computed()).hasSize(20);
        Map<String, SynthesisEngine.Known> known = new HashMap<>(first.computed());
        inputs.add(comment("new", "A brand new comment on election interference", null, null));
        var second = engine.run("c", inputs, known, Map.of(), SynthesisEngine.Progress.NONE, now);
        assertThat(second.computed()).containsOnlyKeys("comment:new");
    }

    @Test
    void bridgingIsHighOnlyWhenSeveralGroupsRaiseAPoint() {
        List<Input> inputs = new ArrayList<>();
        String[] groups = {"MEMBER_STATE", "CIVIL_SOCIETY", "PRIVATE_SECTOR"};
        for (int i = 0; i < 6; i++) {
            inputs.add(comment("a" + i, "Different wording " + i + " on paragraph one by " + groups[i % 3] + " number "
                    + (i * 7), groups[i % 3], "p1"));
        }
        // much volume from one group on paragraph two
        for (int i = 0; i < 12; i++) {
            inputs.add(comment("b" + i, "Separate text " + i + " only from states on paragraph two, variant " + (i * 13),
                    "MEMBER_STATE", "p2"));
        }
        var digest = run(inputs).digest();
        var paragraphOne = digest.consensus().stream().filter(p -> p.subjectId().equals("p1")).findFirst();
        assertThat(paragraphOne).isPresent();
        assertThat(digest.consensus()).noneMatch(p -> p.subjectId().equals("p2"));
    }

    @Test
    void textsAreNormalisedAndSplit() {
        assertThat(TextNormalizer.tokens("Ｈｅｌｌｏ,  WORLD!!")).containsExactly("hello", "world");
        assertThat(TextNormalizer.tokens("🔥 🔥")).containsExactly("🔥", "🔥");
        assertThat(TextNormalizer.sentences("One. Two! Three?\nFour")).containsExactly("One.", "Two!", "Three?", "Four");
    }

    @Test
    void unionFindJoinsSets() {
        var sets = new UnionFind(5);
        assertThat(sets.union(0, 1)).isTrue();
        assertThat(sets.union(1, 2)).isTrue();
        assertThat(sets.union(0, 2)).isFalse();
        assertThat(sets.find(2)).isEqualTo(sets.find(0));
        assertThat(sets.sizeOf(1)).isEqualTo(3);
        assertThat(sets.find(3)).isNotEqualTo(sets.find(4));
    }

    @Test
    void lshGroupsNearDuplicatesAndLeavesOthersAlone() {
        var minHash = new MinHash(128, 3, 3);
        String base = "States should protect computer emergency response teams and never target them in any "
                + "circumstance, because they keep networks safe for everyone";
        var grouping = new LshGrouping(128, 32, 0.5);
        grouping.addAll(List.of(minHash.signature(base), minHash.signature(base + " Thanks, Ana."),
                minHash.signature(base.replace("never", "nevre")), minHash.signature("Something else entirely about "
                        + "the sea and cables and ships that repair them in the Pacific"),
                minHash.signature(base)));
        var groups = grouping.groups(3);
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst()).containsExactly(0, 1, 2, 4);
    }
}

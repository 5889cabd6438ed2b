package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polylogue.synthesis.internal.SynthesisEngine;
import org.polylogue.synthesis.internal.SynthesisSettings;

/**
 * The consensus model after amendments, supports, turns and ledger stances joined: unidentified
 * speakers are never a counted group, the heat strip shows change voices, amendments have points of
 * their own, and the whole document has one (docs/adr/007-synthesis-campaigns-and-themes.md).
 */
class SynthesisConsensusModelTest {

    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    final SynthesisEngine engine = new SynthesisEngine(SynthesisSettings.defaults());
    final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    static Input text(String kind, String id, String text, String paragraph, String org, String group, int minute) {
        return new Input(kind, id, text, paragraph, org, org, group, null, null, T0.plusSeconds(60L * minute), null);
    }

    static Input stance(String kind, String id, String paragraph, String org, String group, int minute,
            Input.Stance stance) {
        return new Input(kind, id, null, paragraph, org, org, group, null, null, T0.plusSeconds(60L * minute), stance);
    }

    Digest run(List<Input> inputs) {
        return engine.run("c", inputs, Map.of(), Map.of("p1", 1, "p2", 2), SynthesisEngine.Progress.NONE, now).digest();
    }

    @Test
    void unidentifiedSpeakersAreListedButNeverCountedAsAGroup() {
        List<Input> inputs = new ArrayList<>();
        inputs.add(text("comment", "a", "Hospitals need protection from ransomware attacks.", "p1", "o1", "ACADEMIA", 0));
        for (int i = 0; i < 4; i++) {
            inputs.add(text("turn", "t" + i, "Unlinked speaker " + i + " talks about undersea cables and routing "
                    + (i * 11), "p1", null, Input.UNKNOWN_GROUP, i));
        }
        var digest = run(inputs);
        assertThat(digest.groups()).isEqualTo(1);
        assertThat(digest.notes()).anyMatch(n -> n.contains("Fewer than two stakeholder groups"));
        var p1 = digest.paragraphs().getFirst();
        assertThat(p1.groups()).isEqualTo(1);
        // still visible in the per-group lists
        assertThat(digest.themes()).anyMatch(t -> t.groups().stream().anyMatch(g -> g.key().equals(Input.UNKNOWN_GROUP)));
        assertThat(digest.consensus()).isEmpty();
    }

    @Test
    void theHeatStripShowsChangeVoicesAndCountsAnOrganisationOncePerParagraph() {
        List<Input> inputs = new ArrayList<>();
        // o1 comments, then supports the wording, then wants it changed: one voice, for a change
        inputs.add(text("comment", "c1", "The paragraph on cables should name repair ships.", "p1", "o1", "ACADEMIA", 0));
        inputs.add(stance("position", "s1", "p1", "o1", "ACADEMIA", 1, Input.Stance.SUPPORT));
        inputs.add(stance("support", "a9:o1", "p1", "o1", "ACADEMIA", 2, Input.Stance.CHANGE));
        // o2 stands by the wording, o3 is against it
        inputs.add(stance("position", "s2", "p1", "o2", "MEMBER_STATE", 3, Input.Stance.SUPPORT));
        inputs.add(stance("position", "s3", "p1", "o3", "PRIVATE_SECTOR", 4, Input.Stance.AGAINST));
        var heat = run(inputs).paragraphs().getFirst();
        assertThat(heat.number()).isEqualTo(1);
        assertThat(heat.inputs()).isEqualTo(5);
        assertThat(heat.voices()).isEqualTo(3);
        assertThat(heat.support()).isEqualTo(1);
        assertThat(heat.against()).isEqualTo(1);
        assertThat(heat.change()).isEqualTo(1);
        assertThat(heat.groups()).isEqualTo(3);
    }

    static Input amendment(String id, String text, String paragraph, String org, String group, int minute) {
        return new Input("amendment", id, text, paragraph, org, org, group, null, null, T0.plusSeconds(60L * minute),
                Input.Stance.CHANGE, id, Input.Stance.SUPPORT);
    }

    static Input support(String amendment, String paragraph, String org, String group, int minute) {
        return new Input("support", amendment + ":" + org, null, paragraph, org, org, group, null, null,
                T0.plusSeconds(60L * minute), Input.Stance.CHANGE, amendment, Input.Stance.SUPPORT);
    }

    /** Two competing amendments on paragraph 1: one supported across four groups, the other by its proposer. */
    static List<Input> competingAmendments() {
        List<Input> inputs = new ArrayList<>();
        inputs.add(amendment("a1", "States shall not attack hospitals and shall report every year on it.", "p1",
                "Civil Voice", "CIVIL_SOCIETY", 0));
        inputs.add(support("a1", "p1", "Cyber Academy", "ACADEMIA", 1));
        inputs.add(support("a1", "p1", "Cloud Works", "PRIVATE_SECTOR", 2));
        inputs.add(support("a1", "p1", "Ministry of Islands", "MEMBER_STATE", 3));
        inputs.add(amendment("a2", "Delete the reporting duty: voluntary reporting is enough for small states.", "p1",
                "Ministry of Plains", "MEMBER_STATE", 4));
        // the ledger: Cloud Works opposes the second amendment
        inputs.add(new Input("position", "s1", null, "p1", "Cloud Works", "Cloud Works", "PRIVATE_SECTOR", null, null,
                T0.plusSeconds(300), Input.Stance.SUPPORT, "a2", Input.Stance.AGAINST));
        inputs.add(text("comment", "c1", "Capacity building for small states deserves long-term funding.", "p2", null,
                null, 6));
        return inputs;
    }

    @Test
    void eachAmendmentHasAPointSoCrossGroupAgreementOnOneAmendmentIsConsensus() {
        var digest = run(competingAmendments());
        var first = digest.consensus().stream().filter(p -> p.subject().equals("amendment") && p.subjectId().equals("a1"))
                .findFirst().orElseThrow(() -> new AssertionError(digest.consensus().toString()));
        assertThat(first.label()).isEqualTo("Amendment to paragraph 1 by Civil Voice");
        assertThat(first.groups()).filteredOn(g -> g.raised() > 0).extracting(Digest.GroupStance::group)
                .containsExactlyInAnyOrder("CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "MEMBER_STATE");
        assertThat(first.groups()).filteredOn(g -> g.raised() > 0).allMatch(g -> g.support() == 1 && g.change() == 0);
        // the competing amendment: its proposer for it, one company against it
        var second = digest.contested().stream().filter(p -> p.subjectId().equals("a2")).findFirst()
                .orElseThrow(() -> new AssertionError(digest.contested().toString()));
        assertThat(second.subject()).isEqualTo("amendment");
        assertThat(second.label()).isEqualTo("Amendment to paragraph 1 by Ministry of Plains");
        assertThat(second.groups()).filteredOn(g -> g.group().equals("PRIVATE_SECTOR")).singleElement()
                .satisfies(g -> assertThat(g.against()).isEqualTo(1));
        assertThat(digest.consensus()).noneMatch(p -> p.subjectId().equals("a2"));
        // the paragraph keeps its own point: contested, since Cloud Works, opposing the second amendment,
        // stands by the current wording (its latest stance on the paragraph)
        assertThat(digest.contested().stream().map(Digest.Point::subjectId)).contains("p1");
    }

    @Test
    void amendmentPointsAreTheSameAfterAnIncrementalRun() {
        List<Input> base = new ArrayList<>();
        String[] topics = {"undersea cables", "hospitals", "elections", "satellites", "water utilities"};
        for (int i = 0; i < 40; i++) {
            base.add(text("comment", "b" + i, "Person " + i + " writes about " + topics[i % 5] + " and resilience, "
                    + "case " + (i * 17) + " of " + (i * 31), "p2", null, null, i));
        }
        var full = engine.run("c", base, Map.of(), Map.of("p1", 1, "p2", 2), SynthesisEngine.Progress.NONE, now);
        List<Input> inputs = new ArrayList<>(base);
        inputs.addAll(competingAmendments());
        var previous = new SynthesisEngine.Previous(full.digest(), full.states(), full.model(), full.info());
        var update = engine.incremental("c", inputs, previous, keys -> Map.of(), Map.of("p1", 1, "p2", 2),
                SynthesisEngine.Progress.NONE, now.plusSeconds(60));
        assertThat(update).isNotNull();
        assertThat(update.full()).isFalse();
        var again = run(inputs);
        assertThat(update.digest().consensus()).isEqualTo(again.consensus());
        assertThat(update.digest().contested()).isEqualTo(again.contested());
        assertThat(update.digest().consensus()).anyMatch(p -> p.subjectId().equals("a1"));
    }

    @Test
    void theWholeDocumentHasAPointButTalkingAboutItIsNoAgreement() {
        List<Input> inputs = new ArrayList<>();
        String[] groups = {"CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR"};
        for (int i = 0; i < 6; i++) {
            inputs.add(text("turn", "t" + i, "Speaker " + i + " talks in general about the draft and the process, "
                    + "remark " + (i * 13), null, "o" + i, groups[i % 3], i));
        }
        var talk = run(inputs);
        var document = talk.contested().stream().filter(p -> p.subject().equals("document")).findFirst();
        assertThat(document).isEmpty();
        assertThat(talk.consensus()).noneMatch(p -> p.subject().equals("document"));

        // ledger stances on the consultation from three groups: agreement on the whole document
        inputs.add(stance("position", "s1", null, "o0", "CIVIL_SOCIETY", 10, Input.Stance.SUPPORT));
        inputs.add(stance("position", "s2", null, "o1", "ACADEMIA", 11, Input.Stance.SUPPORT));
        inputs.add(stance("position", "s3", null, "o2", "PRIVATE_SECTOR", 12, Input.Stance.SUPPORT));
        var agreed = run(inputs).consensus().stream().filter(p -> p.subject().equals("document")).findFirst()
                .orElseThrow();
        assertThat(agreed.subjectId()).isEqualTo("document");
        assertThat(agreed.label()).isEqualTo("The whole document");
        assertThat(agreed.groups()).filteredOn(g -> g.group().equals("CIVIL_SOCIETY")).singleElement()
                .satisfies(g -> assertThat(g.support()).isEqualTo(1));

        // one group standing by the document, another against it: contested
        inputs.add(stance("position", "s4", null, "o5", "PRIVATE_SECTOR", 13, Input.Stance.AGAINST));
        inputs.add(stance("position", "s5", null, "o4", "ACADEMIA", 14, Input.Stance.AGAINST));
        inputs.add(stance("position", "s6", null, "o3", "CIVIL_SOCIETY", 15, Input.Stance.SUPPORT));
        inputs.add(stance("position", "s7", null, "o7", "MEMBER_STATE", 16, Input.Stance.AGAINST));
        var split = run(inputs);
        assertThat(split.contested()).anyMatch(p -> p.subject().equals("document"));
    }
}

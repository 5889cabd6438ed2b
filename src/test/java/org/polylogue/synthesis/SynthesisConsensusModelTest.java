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
}

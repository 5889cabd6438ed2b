package org.polylogue.synthesis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.meeting.MeetingDocument;
import org.polylogue.position.Position;
import org.polylogue.synthesis.Input;
import org.polylogue.transcript.TurnView;

/** The rules of the new inputs without the database: procedural turns, meeting links, stances, one voice per organisation. */
class SynthesisInputRulesTest {

    static TurnView turn(String speaker, String text) {
        return new TurnView("t", 1, speaker, null, 1, List.of(text), text, text.split("\\s+").length, null, null, null,
                "/meetings/m/transcript#turn-1");
    }

    @Test
    void chairAndCourtesyTurnsAreProcedural() {
        assertThat(TurnInputs.procedural(turn("CHAIR", "We have a long list of speakers this afternoon and I want "
                + "to remind all delegations to keep their statements within three minutes please."))).isTrue();
        assertThat(TurnInputs.procedural(turn("Vice-Chair", "Some words that would otherwise be substantive enough "
                + "to count as a statement on the draft under discussion today."))).isTrue();
        assertThat(TurnInputs.procedural(turn("KENYA", "Thank you, Chair."))).isTrue();
        assertThat(TurnInputs.procedural(turn("KENYA", "Thank you very much, Madam Chair. I give the floor back to "
                + "you, colleagues, good afternoon."))).isTrue();
        assertThat(TurnInputs.procedural(turn(null, "(Applause)"))).isTrue();
        assertThat(TurnInputs.procedural(turn("KENYA", "Thank you, Chair. Capacity-building must be at the heart "
                + "of the mechanism, and it is not done by states alone but with universities."))).isFalse();
        assertThat(TurnInputs.procedural(turn("CHAIRMAN OF THE BOARD OF CLOUD WORKS", "x"))).isTrue();
        assertThat(TurnInputs.substantiveWords("Thank you, Chair. Three points from civil society in the Sahel."))
                .isEqualTo(8);
    }

    @Test
    void aMeetingConcernsTheConsultationsItsDocumentsLink() {
        var at = Instant.parse("2026-11-01T10:00:00Z");
        var documents = List.of(new MeetingDocument("d", "Draft",
                "https://polylogue.example.org/consultations/zero-draft#p-3", at));
        assertThat(TurnInputs.links(documents, "zero-draft")).isTrue();
        assertThat(TurnInputs.links(documents, "zero")).as("a prefix of another slug is no link").isFalse();
        assertThat(TurnInputs.links(List.of(new MeetingDocument("d", "Draft",
                "https://polylogue.example.org/consultations/zero-draft-2", at)), "zero-draft")).isFalse();
        assertThat(TurnInputs.links(List.of(new MeetingDocument("d", "Draft",
                "/consultations/zero-draft/amendments/x", at)), "zero-draft")).isTrue();
        assertThat(TurnInputs.links(List.of(), "zero-draft")).isFalse();
    }

    @Test
    void whatAmendmentsAndLedgerStancesSayOfTheCurrentWording() {
        assertThat(AmendmentInputs.stance(AmendmentKind.REPLACE)).isEqualTo(Input.Stance.CHANGE);
        assertThat(AmendmentInputs.stance(AmendmentKind.INSERT_AFTER)).isEqualTo(Input.Stance.CHANGE);
        assertThat(AmendmentInputs.stance(AmendmentKind.DELETE)).isEqualTo(Input.Stance.AGAINST);
        assertThat(StanceInputs.onWording(Position.SUPPORTS)).isEqualTo(Input.Stance.SUPPORT);
        assertThat(StanceInputs.onWording(Position.CONDITIONAL)).isEqualTo(Input.Stance.SUPPORT);
        assertThat(StanceInputs.onWording(Position.OPPOSES)).isEqualTo(Input.Stance.AGAINST);
        assertThat(StanceInputs.onWording(Position.WANTS_AMENDMENT)).isEqualTo(Input.Stance.CHANGE);
        assertThat(StanceInputs.onWording(Position.NEUTRAL)).isNull();
        assertThat(StanceInputs.onAmendment(Position.SUPPORTS, Input.Stance.AGAINST)).isEqualTo(Input.Stance.AGAINST);
        assertThat(StanceInputs.onAmendment(Position.OPPOSES, Input.Stance.CHANGE)).isEqualTo(Input.Stance.SUPPORT);
        assertThat(StanceInputs.onAmendment(Position.NEUTRAL, Input.Stance.CHANGE)).isNull();
    }

    static Input input(String kind, String org, String group, Input.Stance stance, int minute) {
        return new Input(kind, kind + org + minute, null, "p1", org, org, group, null, null,
                Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * minute), stance);
    }

    static Voice voice(Input input) {
        var voice = new Voice();
        voice.add(input);
        return voice;
    }

    @Test
    void anOrganisationCountsOncePerPointWithItsLatestStance() {
        var voices = List.of(
                voice(input("amendment", "civil", "CIVIL_SOCIETY", Input.Stance.CHANGE, 0)),
                voice(input("support", "academy", "ACADEMIA", Input.Stance.CHANGE, 1)),
                voice(input("position", "academy", "ACADEMIA", Input.Stance.CHANGE, 2)),
                voice(input("support", "cloud", "PRIVATE_SECTOR", Input.Stance.CHANGE, 1)),
                // the company later stands by the wording as it is
                voice(input("position", "cloud", "PRIVATE_SECTOR", Input.Stance.SUPPORT, 5)));
        var point = Bridging.point("paragraph", "p1", "Paragraph 1", voices,
                Map.of("CIVIL_SOCIETY", 1, "ACADEMIA", 2, "PRIVATE_SECTOR", 2));
        var byGroup = new java.util.HashMap<String, org.polylogue.synthesis.Digest.GroupStance>();
        point.groups().forEach(g -> byGroup.put(g.group(), g));
        assertThat(byGroup.get("ACADEMIA").raised()).isEqualTo(1);
        assertThat(byGroup.get("ACADEMIA").change()).isEqualTo(1);
        assertThat(byGroup.get("PRIVATE_SECTOR").raised()).isEqualTo(1);
        assertThat(byGroup.get("PRIVATE_SECTOR").support()).isEqualTo(1);
        assertThat(byGroup.get("PRIVATE_SECTOR").change()).isZero();
        assertThat(Bridging.isContested(point)).as("support of the wording against wanting a change").isTrue();
        assertThat(Bridging.isConsensus(point)).isFalse();
    }

    @Test
    void changeAcrossGroupsIsConsensusAndUnidentifiedSpeakersNeverCount() {
        var voices = List.of(
                voice(input("amendment", "civil", "CIVIL_SOCIETY", Input.Stance.CHANGE, 0)),
                voice(input("support", "academy", "ACADEMIA", Input.Stance.CHANGE, 1)),
                voice(input("support", "cloud", "PRIVATE_SECTOR", Input.Stance.CHANGE, 1)));
        var point = Bridging.point("paragraph", "p1", "Paragraph 1", voices,
                Map.of("CIVIL_SOCIETY", 1, "ACADEMIA", 1, "PRIVATE_SECTOR", 1));
        assertThat(point.score()).isEqualTo(1.0);
        assertThat(Bridging.isConsensus(point)).isTrue();
        assertThat(Bridging.isContested(point)).isFalse();

        // unidentified speakers alone, however many, are no agreement across groups
        var unknown = List.of(voice(input("turn", null, Input.UNKNOWN_GROUP, null, 0)),
                voice(input("turn", null, Input.UNKNOWN_GROUP, null, 1)),
                voice(input("amendment", "civil", "CIVIL_SOCIETY", Input.Stance.CHANGE, 0)));
        var lonely = Bridging.point("paragraph", "p1", "Paragraph 1", unknown,
                Map.of("CIVIL_SOCIETY", 1, Input.UNKNOWN_GROUP, 2));
        assertThat(lonely.score()).isZero();
        assertThat(Bridging.isConsensus(lonely)).isFalse();
        assertThat(lonely.groups()).extracting(g -> g.label()).contains("Unidentified speakers");
    }
}

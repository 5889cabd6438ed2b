package org.polylogue.amendment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.amendment.RedlineSegment;
import org.polylogue.amendment.RedlineSegment.Type;

class RedlineTest {

    @Test
    void aReplacementMarksOnlyTheWordsThatChange() {
        var segments = Redline.of(AmendmentKind.REPLACE, "States should protect teams.",
                "States must protect response teams.");
        assertThat(segments).filteredOn(s -> s.type() == Type.DELETED).extracting(RedlineSegment::text)
                .containsExactly("should");
        assertThat(segments).filteredOn(s -> s.type() == Type.INSERTED).extracting(s -> s.text().strip())
                .containsExactly("must", "response");
        assertThat(segments.getFirst()).isEqualTo(new RedlineSegment(Type.SAME, "States "));
    }

    @Test
    void punctuationDoesNotHideAKeptWord() {
        var segments = Redline.of(AmendmentKind.REPLACE, "critical infrastructure.",
                "critical infrastructure providing services.");
        assertThat(segments).containsExactly(new RedlineSegment(Type.SAME, "critical infrastructure"),
                new RedlineSegment(Type.INSERTED, " providing services"), new RedlineSegment(Type.SAME, "."));
    }

    @Test
    void theOldTextIsTheSameAndDeletedSegmentsAndTheNewTextTheSameAndInsertedOnes() {
        String before = "One two  three, four.\nFive";
        String after = "One three, four and five.";
        var segments = Redline.of(AmendmentKind.REPLACE, before, after);
        assertThat(segments.stream().filter(s -> s.type() != Type.INSERTED).map(RedlineSegment::text)
                .collect(Collectors.joining())).isEqualTo(before);
        assertThat(segments.stream().filter(s -> s.type() != Type.DELETED).map(RedlineSegment::text)
                .collect(Collectors.joining())).isEqualTo(after);
    }

    @Test
    void aDeletionStrikesTheWholeParagraphAndAnInsertionKeepsIt() {
        assertThat(Redline.of(AmendmentKind.DELETE, "Old.", null))
                .containsExactly(new RedlineSegment(Type.DELETED, "Old."));
        assertThat(Redline.of(AmendmentKind.INSERT_AFTER, "Old.", "New."))
                .containsExactly(new RedlineSegment(Type.SAME, "Old."), new RedlineSegment(Type.INSERTED, "New."));
    }
}

package org.polylogue.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polylogue.drafting.VersionDiff.Segment;

class RedlineTest {

    @Test
    void aRewrittenPhraseIsOneDeletionAndOneInsertionNotInterleavedWords() {
        var segments = Redline.of("States should not conduct activity that damages infrastructure.",
                "States should cooperate to build capacity.");
        assertThat(segments).containsExactly(new Segment(Segment.Kind.EQUAL, "States should "),
                new Segment(Segment.Kind.DELETED, "not conduct activity that damages infrastructure"),
                new Segment(Segment.Kind.INSERTED, "cooperate to build capacity"),
                new Segment(Segment.Kind.EQUAL, "."));
    }

    @Test
    void newAndRemovedParagraphsAreOneSegmentAndTheTextsAreKeptWhole() {
        assertThat(Redline.of(null, "New text.")).containsExactly(new Segment(Segment.Kind.INSERTED, "New text."));
        assertThat(Redline.of("Old text.", null)).containsExactly(new Segment(Segment.Kind.DELETED, "Old text."));
        var segments = Redline.of("States  welcome the participation.", "States warmly welcome the participation.");
        assertThat(String.join("", segments.stream().filter(s -> !s.isDeleted()).map(Segment::text).toList()))
                .isEqualTo("States warmly welcome the participation.");
        assertThat(String.join("", segments.stream().filter(s -> !s.isInserted()).map(Segment::text).toList()))
                .isEqualTo("States  welcome the participation.");
    }
}

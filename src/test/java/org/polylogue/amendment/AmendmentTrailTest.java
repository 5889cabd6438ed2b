package org.polylogue.amendment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;

/** Which paragraph of the next version an input led to, by stable paragraph id. */
class AmendmentTrailTest {

    static Block p(String id, int number, String text) {
        return new Block(Block.Kind.PARAGRAPH, 0, id, number, text);
    }

    final DocumentVersion one = new DocumentVersion("d", 1, List.of(p("a", 1, "Alpha."), p("b", 2, "Beta."),
            p("c", 3, "Gamma.")));
    final DocumentVersion two = new DocumentVersion("d", 2, List.of(p("a", 1, "Alpha, changed."), p("b", 2, "Beta."),
            p("n", 3, "Inserted after beta."), p("c", 4, "Gamma.")));

    @Test
    void aChangedParagraphIsFoundUnderItsStableIdWithItsNewNumber() {
        assertThat(AmendmentTrail.affected(one, two, "a", AmendmentKind.REPLACE)).get().extracting(Block::number)
                .isEqualTo(1);
    }

    @Test
    void anUnchangedParagraphIsNoChangeAndARemovedOneIsNothing() {
        assertThat(AmendmentTrail.affected(one, two, "c", AmendmentKind.REPLACE)).isEmpty();
        var three = new DocumentVersion("d", 3, List.of(p("a", 1, "Alpha, changed.")));
        assertThat(AmendmentTrail.affected(two, three, "b", AmendmentKind.DELETE)).isEmpty();
    }

    @Test
    void anInsertionLeadsToTheNewParagraphRightAfterItsParagraph() {
        assertThat(AmendmentTrail.affected(one, two, "b", AmendmentKind.INSERT_AFTER)).get()
                .extracting(Block::paragraphId).isEqualTo("n");
        assertThat(AmendmentTrail.affected(one, two, "c", AmendmentKind.INSERT_AFTER)).isEmpty();
    }
}

package org.polylogue.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The drafting module against the real database: what is imported is what is read back. */
@PolylogueTest
class DraftsIntegrationTest {

    @Autowired
    Drafts drafts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anImportedDraftIsStoredAsVersionOneWithNumberedParagraphsAndStableIds() {
        var created = drafts.createDocument(Drafts.MARKDOWN, Fixtures.DRAFT);
        assertThat(created).isInstanceOf(Result.Ok.class);
        DocumentVersion version = ((Result.Ok<DocumentVersion>) created).value();
        assertThat(version.number()).isEqualTo(1);
        assertThat(version.blocks()).extracting(Block::kind).containsExactly(Block.Kind.HEADING, Block.Kind.HEADING,
                Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH, Block.Kind.HEADING, Block.Kind.PARAGRAPH,
                Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH);
        assertThat(version.paragraphs()).extracting(Block::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(version.paragraphs()).allSatisfy(p -> assertThat(Ids.looksValid(p.paragraphId())).isTrue());
        assertThat(new HashSet<>(version.paragraphs().stream().map(Block::paragraphId).toList())).hasSize(5);

        var read = drafts.currentVersion(version.documentId()).orElseThrow();
        assertThat(read).isEqualTo(version);
        var third = version.paragraphs().get(2);
        assertThat(drafts.paragraph(version.documentId(), third.paragraphId())).contains(third);
        assertThat(drafts.paragraph(version.documentId(), "nosuchparagraph1")).isEmpty();
        assertThat(jdbc.queryForObject("select source_text from drafting_version where document_id = ?", String.class,
                version.documentId())).isEqualTo(Fixtures.DRAFT);
    }

    @Test
    void twoDocumentsNeverShareParagraphs() {
        var first = ((Result.Ok<DocumentVersion>) drafts.createDocument(Drafts.MARKDOWN, Fixtures.DRAFT)).value();
        var second = ((Result.Ok<DocumentVersion>) drafts.createDocument(Drafts.MARKDOWN, Fixtures.DRAFT)).value();
        assertThat(first.paragraphsById().keySet()).doesNotContainAnyElementsOf(second.paragraphsById().keySet());
        assertThat(drafts.paragraph(second.documentId(), first.paragraphs().get(0).paragraphId())).isEmpty();
    }

    @Test
    void aRefusedDraftStoresNothing() {
        long before = jdbc.queryForObject("select count(*) from drafting_document", Long.class);
        var refused = drafts.createDocument(Drafts.MARKDOWN, "Paragraph.\n\n<div>html</div>\n");
        assertThat(refused).isInstanceOf(Result.Rejected.class);
        assertThat(((Result.Rejected<DocumentVersion>) refused).refusal().messageFor("document.text")).startsWith("line 3:");
        var wrongFormat = drafts.createDocument("docx", "Paragraph.");
        assertThat(((Result.Rejected<DocumentVersion>) wrongFormat).refusal().messageFor("document.format")).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from drafting_document", Long.class)).isEqualTo(before);
        assertThat(drafts.currentVersion("0000000000000000")).isEmpty();
    }
}

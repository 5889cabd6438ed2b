package org.polylogue.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polylogue.drafting.Block;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;

class MarkdownDraftParserTest {

    @Test
    void headingsBecomeSectionsAndParagraphsAndListItemsBecomeNumberedParagraphs() {
        var blocks = parsed("""
                # Draft report

                ## Introduction

                States recall the framework
                of responsible behaviour.

                - First item.
                - Second item.

                1. Ordered item.
                """);
        assertThat(blocks).extracting(MarkdownDraftParser.ParsedBlock::kind).containsExactly(Block.Kind.HEADING,
                Block.Kind.HEADING, Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH,
                Block.Kind.PARAGRAPH);
        assertThat(blocks.get(0).level()).isEqualTo(1);
        assertThat(blocks.get(1).text()).isEqualTo("Introduction");
        assertThat(blocks.get(1).level()).isEqualTo(2);
        assertThat(blocks.get(2).text()).isEqualTo("States recall the framework of responsible behaviour.");
        assertThat(blocks.get(2).line()).isEqualTo(5);
        assertThat(paragraphs(blocks)).containsExactly("States recall the framework of responsible behaviour.",
                "First item.", "Second item.", "Ordered item.");
    }

    @Test
    void inlineMarkupIsReducedToItsText() {
        var blocks = parsed("States **should** cooperate, see [the report](https://example.org) and `A/75/816`.\n");
        assertThat(paragraphs(blocks)).containsExactly("States should cooperate, see the report and A/75/816.");
    }

    @Test
    void nestedListItemsAreNumberedInReadingOrder() {
        var blocks = parsed("""
                - Outer one.
                  - Inner a.
                  - Inner b.
                - Outer two.
                """);
        assertThat(paragraphs(blocks)).containsExactly("Outer one.", "Inner a.", "Inner b.", "Outer two.");
    }

    @Test
    void aListItemOfSeveralParagraphsIsOneNumberedParagraph() {
        var blocks = parsed("""
                - First sentence.

                  Same item, second paragraph.
                - Next item.
                """);
        assertThat(paragraphs(blocks)).containsExactly("First sentence.\nSame item, second paragraph.", "Next item.");
    }

    @Test
    void blockquotesAreReadAsTheirParagraphs() {
        var blocks = parsed("""
                Intro.

                > Quoted paragraph.
                >
                > - Quoted item.
                """);
        assertThat(paragraphs(blocks)).containsExactly("Intro.", "Quoted paragraph.", "Quoted item.");
    }

    @Test
    void setextHeadingsAndRulesAreUnderstood() {
        var blocks = parsed("""
                Norms
                =====

                Paragraph.

                ---

                Another.
                """);
        assertThat(blocks.get(0).kind()).isEqualTo(Block.Kind.HEADING);
        assertThat(blocks.get(0).text()).isEqualTo("Norms");
        assertThat(paragraphs(blocks)).containsExactly("Paragraph.", "Another.");
    }

    @Test
    void rawHtmlBlocksAreRefusedWithTheirLine() {
        var refusal = refused("""
                # Title

                Fine paragraph.

                <div class="x">Copied from a web page</div>
                """);
        assertThat(refusal.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("document.text");
            assertThat(error.message()).startsWith("line 5:").contains("HTML");
        });
    }

    @Test
    void rawHtmlInsideAParagraphIsRefusedWithItsLine() {
        var refusal = refused("""
                Fine paragraph.

                States <span style="color:red">should</span> cooperate.
                """);
        assertThat(refusal.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("document.text");
            assertThat(error.message()).startsWith("line 3:").contains("HTML");
        });
    }

    @Test
    void rawHtmlInAListItemIsRefusedWithItsLine() {
        var refusal = refused("""
                - Fine item.
                - Item with <br> a tag.
                """);
        assertThat(refusal.messageFor("document.text")).startsWith("line 2:").contains("HTML");
    }

    @Test
    void autolinksAndLessThanSignsAreNotMistakenForHtml() {
        assertThat(paragraphs(parsed("Write to <info@example.org> if 3 < 4.\n")))
                .containsExactly("Write to info@example.org if 3 < 4.");
    }

    @Test
    void codeBlocksAreRefusedWithTheirLine() {
        var fenced = refused("""
                Paragraph.

                ```
                code
                ```
                """);
        assertThat(fenced.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("line 3:").contains("code block"));
    }

    @Test
    void textIndentedByFourSpacesIsRefusedWithAHint() {
        var refusal = refused("""
                Paragraph.

                    Indented by accident.
                """);
        assertThat(refusal.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("line 3:").contains("indent"));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        var refusal = refused("""
                Paragraph.

                <div>one</div>

                ```
                two
                ```
                """);
        assertThat(refusal.errors()).extracting(Refusal.FieldMessage::message)
                .anySatisfy(m -> assertThat(m).startsWith("line 3:"))
                .anySatisfy(m -> assertThat(m).startsWith("line 5:"));
    }

    @Test
    void emptyAndBlankDocumentsAreRefused() {
        assertThat(refused("").messageFor("document.text")).contains("empty");
        assertThat(refused("  \n\n \t").messageFor("document.text")).contains("empty");
        assertThat(refused(null).messageFor("document.text")).contains("empty");
    }

    @Test
    void aDocumentOfHeadingsOnlyIsRefused() {
        assertThat(refused("# Title\n\n## Section\n").messageFor("document.text")).contains("no paragraphs");
    }

    @Test
    void anOverLongParagraphIsRefusedWithItsLine() {
        String text = "Intro.\n\n" + "word ".repeat(MarkdownDraftParser.MAX_PARAGRAPH / 5 + 1) + "\n";
        assertThat(refused(text).messageFor("document.text")).startsWith("line 3:").contains("longer than");
        String justRight = "x".repeat(MarkdownDraftParser.MAX_PARAGRAPH);
        assertThat(paragraphs(parsed(justRight))).singleElement().satisfies(p -> assertThat(p).hasSize(
                MarkdownDraftParser.MAX_PARAGRAPH));
    }

    @Test
    void aNulCharacterIsRefusedAsProbablyBinary() {
        assertThat(refused("Paragraph\u0000 one.").messageFor("document.text")).contains("NUL");
    }

    @Test
    void anOverLongDocumentIsRefused() {
        assertThat(refused("a".repeat(MarkdownDraftParser.MAX_TEXT + 1)).messageFor("document.text"))
                .contains("longer than");
    }

    @Test
    void aByteOrderMarkDoesNotTurnTheFirstHeadingIntoAParagraph() {
        var blocks = parsed("\uFEFF# Title\n\nParagraph.\n");
        assertThat(blocks.get(0).kind()).isEqualTo(Block.Kind.HEADING);
        assertThat(blocks.get(0).text()).isEqualTo("Title");
        assertThat(paragraphs(blocks)).containsExactly("Paragraph.");
    }

    @Test
    void windowsLineEndingsGiveTheSameParagraphs() {
        assertThat(paragraphs(parsed("# T\r\n\r\nOne\r\ncontinued.\r\n\r\n- Two\r\n")))
                .containsExactly("One continued.", "Two");
    }

    private static List<MarkdownDraftParser.ParsedBlock> parsed(String text) {
        var result = MarkdownDraftParser.parse(text);
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<List<MarkdownDraftParser.ParsedBlock>>) result).value();
    }

    private static Refusal refused(String text) {
        var result = MarkdownDraftParser.parse(text);
        assertThat(result).isInstanceOf(Result.Rejected.class);
        var refusal = ((Result.Rejected<List<MarkdownDraftParser.ParsedBlock>>) result).refusal();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        return refusal;
    }

    private static List<String> paragraphs(List<MarkdownDraftParser.ParsedBlock> blocks) {
        return blocks.stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).map(MarkdownDraftParser.ParsedBlock::text)
                .toList();
    }
}

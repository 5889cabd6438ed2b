package org.polylogue.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.polylogue.drafting.Block;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;

/**
 * Reads a draft written in Markdown: headings become sections, each paragraph or list item a
 * numbered paragraph. Raw HTML and code blocks are refused with their line, since a draft text
 * has no use for them and they usually mean a copy-paste went wrong.
 */
public final class MarkdownDraftParser {

    public static final int MAX_TEXT = 2_000_000;
    public static final int MAX_PARAGRAPH = 20_000;
    public static final int MAX_PARAGRAPHS = 5_000;
    private static final String FIELD = "document.text";

    /** A parsed block before ids are given. */
    public record ParsedBlock(Block.Kind kind, int level, String text, int line) {}

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private MarkdownDraftParser() {}

    public static Result<List<ParsedBlock>> parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.rejected(Refusal.invalid(FIELD, "is empty; give the draft as Markdown"));
        }
        if (text.length() > MAX_TEXT) {
            return Result.rejected(Refusal.invalid(FIELD, "is longer than " + MAX_TEXT + " characters"));
        }
        if (text.indexOf('\u0000') >= 0) {
            return Result.rejected(Refusal.invalid(FIELD, "contains a NUL character; is this a binary file?"));
        }
        List<ParsedBlock> blocks = new ArrayList<>();
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        // A byte order mark (files saved by some editors) would otherwise hide a first heading.
        Node document = PARSER.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            collect(node, blocks, errors);
        }
        if (errors.isEmpty() && blocks.stream().noneMatch(b -> b.kind() == Block.Kind.PARAGRAPH)) {
            errors.add(new Refusal.FieldMessage(FIELD, "has no paragraphs, only headings or empty lines"));
        }
        if (blocks.stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).count() > MAX_PARAGRAPHS) {
            errors.add(new Refusal.FieldMessage(FIELD, "has more than " + MAX_PARAGRAPHS + " paragraphs"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors.size() > 20 ? errors.subList(0, 20) : errors));
        }
        return Result.ok(blocks);
    }

    private static void collect(Node node, List<ParsedBlock> blocks, List<Refusal.FieldMessage> errors) {
        int line = line(node);
        switch (node) {
            case Heading heading -> {
                String title = textOf(heading);
                if (!title.isEmpty()) {
                    blocks.add(new ParsedBlock(Block.Kind.HEADING, heading.getLevel(), title, line));
                }
            }
            case Paragraph paragraph -> {
                if (containsHtml(paragraph)) {
                    errors.add(rawHtml(line));
                } else {
                    addParagraph(textOf(paragraph), line, blocks, errors);
                }
            }
            case ListBlock list -> {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    collectItem((ListItem) item, blocks, errors);
                }
            }
            case BlockQuote quote -> {
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    collect(child, blocks, errors);
                }
            }
            case HtmlBlock html -> errors.add(rawHtml(line));
            case FencedCodeBlock code -> errors.add(new Refusal.FieldMessage(FIELD,
                    "line " + line + ": code blocks are not allowed in a draft"));
            case IndentedCodeBlock code -> errors.add(new Refusal.FieldMessage(FIELD,
                    "line " + line + ": text indented by four spaces reads as a code block; remove the indentation"));
            case org.commonmark.node.LinkReferenceDefinition definition -> {
                // a link target used by the text; nothing to number
            }
            case ThematicBreak rule -> {
                // a horizontal rule separates nothing in a numbered draft
            }
            default -> errors.add(new Refusal.FieldMessage(FIELD,
                    "line " + line + ": unsupported Markdown block " + node.getClass().getSimpleName()));
        }
    }

    private static void collectItem(ListItem item, List<ParsedBlock> blocks, List<Refusal.FieldMessage> errors) {
        var text = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph && containsHtml(paragraph)) {
                errors.add(rawHtml(line(paragraph)));
                return;
            }
            if (child instanceof Paragraph paragraph) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(textOf(paragraph));
            }
        }
        addParagraph(text.toString(), line(item), blocks, errors);
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Paragraph)) {
                collect(child, blocks, errors);
            }
        }
    }

    private static void addParagraph(String text, int line, List<ParsedBlock> blocks, List<Refusal.FieldMessage> errors) {
        if (text.isBlank()) {
            return;
        }
        if (text.length() > MAX_PARAGRAPH) {
            errors.add(new Refusal.FieldMessage(FIELD,
                    "line " + line + ": a paragraph is longer than " + MAX_PARAGRAPH + " characters"));
            return;
        }
        blocks.add(new ParsedBlock(Block.Kind.PARAGRAPH, 0, text, line));
    }

    private static Refusal.FieldMessage rawHtml(int line) {
        return new Refusal.FieldMessage(FIELD, "line " + line + ": raw HTML is not allowed in a draft; use Markdown");
    }

    /** Inline HTML such as {@code <span style=...>} would show as tags in the draft; it is refused like an HTML block. */
    private static boolean containsHtml(Node node) {
        boolean[] found = {false};
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline htmlInline) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static int line(Node node) {
        var spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex() + 1;
    }

    static String textOf(Node node) {
        var out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append('\n');
            }
        });
        return out.toString().strip();
    }
}

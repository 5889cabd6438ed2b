package org.polylogue.statement.internal;

import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The safe Markdown subset of statements: paragraphs, emphasis, lists, quotes and links
 * (http, https, mailto only; nofollow). Raw HTML is escaped, headings, code blocks and rules stay text,
 * images are shown as their alternative text (nothing is loaded from elsewhere).
 */
public final class StatementMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class)).build();

    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow ugc noopener");
                }
            })
            .nodeRendererFactory(context -> new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of(Image.class);
                }

                @Override
                public void render(Node node) {
                    Node child = node.getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        context.render(child);
                        child = next;
                    }
                }
            })
            .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private StatementMarkdown() {}

    /** HTML safe to put into a page as is. */
    public static String toHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    /** The words without markup, for excerpts (not escaped: templates escape it). */
    public static String toPlainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    }
}

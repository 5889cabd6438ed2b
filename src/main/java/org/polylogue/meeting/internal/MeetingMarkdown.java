package org.polylogue.meeting.internal;

import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
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
 * Agendas in safe Markdown: paragraphs, headings, lists, quotes, emphasis and links (http, https,
 * mailto; nofollow). Raw HTML is escaped; images show as their alternative text.
 */
public final class MeetingMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(Heading.class, BlockQuote.class, ListBlock.class)).build();

    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener");
                }
            })
            .nodeRendererFactory(context -> new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of(Image.class);
                }

                @Override
                public void render(Node node) {
                    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                        context.render(child);
                    }
                }
            })
            .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MeetingMarkdown() {}

    /** HTML safe to put into a page as is (headings are shifted to start at h3 under the page's h2). */
    public static String toHtml(String markdown) {
        var document = PARSER.parse(markdown == null ? "" : markdown);
        shiftHeadings(document);
        return HTML.render(document);
    }

    /** The text without markup, for calendars and mails. */
    public static String toPlainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown)).strip();
    }

    private static void shiftHeadings(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
            }
            shiftHeadings(child);
        }
    }
}

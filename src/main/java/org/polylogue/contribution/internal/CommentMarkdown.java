package org.polylogue.contribution.internal;

import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the safe Markdown subset of comments: emphasis, links, lists and quotes. Headings, code
 * blocks and rules are not recognised (they stay text); raw HTML is escaped; images become links;
 * code spans stay as typed; only http, https and mailto links survive, marked nofollow.
 */
public final class CommentMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class))
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(java.util.List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow ugc noopener");
                }
            })
            .nodeRendererFactory(PlainCode::new)
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private CommentMarkdown() {}

    public static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * The words of a comment without its markup, blocks joined by spaces: what an excerpt shows.
     * Link and image texts stay, their addresses go; code spans keep their backticks, as in
     * {@link #toHtml}. Not escaped: templates escape it.
     */
    public static String toPlainText(String markdown) {
        var text = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append('`').append(node.getLiteral()).append('`');
            }

            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(Paragraph node) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                visitChildren(node);
            }
        });
        return text.toString().strip();
    }

    /** Code spans are not part of the subset: shown with their backticks, as typed. */
    private static final class PlainCode implements NodeRenderer {
        private final HtmlWriter html;

        PlainCode(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Code.class);
        }

        @Override
        public void render(Node node) {
            html.text("`" + ((Code) node).getLiteral() + "`");
        }
    }

    /** Images are not embedded (no tracking pixels, no hot-linking): shown as a link to the image. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            var image = (Image) node;
            String url = context.urlSanitizer().sanitizeLinkUrl(image.getDestination());
            var attributes = new java.util.LinkedHashMap<String, String>();
            attributes.put("href", context.encodeUrl(url));
            attributes.put("rel", "nofollow ugc noopener");
            html.tag("a", attributes);
            Node child = image.getFirstChild();
            if (child == null) {
                html.text(url);
            }
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            html.tag("/a");
        }
    }
}

package org.polylogue.contribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommentMarkdownTest {

    @Test
    void emphasisAndStrongAreKept() {
        assertThat(CommentMarkdown.toHtml("Please *name* **critical infrastructure**."))
                .isEqualTo("<p>Please <em>name</em> <strong>critical infrastructure</strong>.</p>\n");
    }

    @Test
    void linksAreKeptAndMarkedNofollow() {
        String html = CommentMarkdown.toHtml("See [the report](https://example.org/report?a=1&b=2).");
        assertThat(html).contains("href=\"https://example.org/report?a=1&amp;b=2\"")
                .contains("rel=\"nofollow ugc noopener\"").contains(">the report</a>");
        assertThat(CommentMarkdown.toHtml("<https://example.org>")).contains("rel=\"nofollow ugc noopener\"");
        assertThat(CommentMarkdown.toHtml("[write](mailto:someone@example.org)"))
                .contains("href=\"mailto:someone@example.org\"");
    }

    @Test
    void listsAndQuotesAreKept() {
        assertThat(CommentMarkdown.toHtml("- one\n- two\n")).contains("<ul>").contains("<li>one</li>");
        assertThat(CommentMarkdown.toHtml("1. one\n2. two\n")).contains("<ol>").contains("<li>two</li>");
        assertThat(CommentMarkdown.toHtml("> quoted\n")).contains("<blockquote>").contains("quoted");
    }

    @Test
    void headingsStayText() {
        assertThat(CommentMarkdown.toHtml("# Loud title")).doesNotContain("<h1").contains("<p># Loud title</p>");
        assertThat(CommentMarkdown.toHtml("Title\n=====")).doesNotContain("<h1");
    }

    @Test
    void codeBlocksAndSpansAreNotRendered() {
        assertThat(CommentMarkdown.toHtml("```\nrm -rf /\n```")).doesNotContain("<pre").doesNotContain("<code");
        assertThat(CommentMarkdown.toHtml("    indented code")).doesNotContain("<pre").doesNotContain("<code")
                .contains("indented code");
        assertThat(CommentMarkdown.toHtml("Use `A/75/816`.")).isEqualTo("<p>Use `A/75/816`.</p>\n");
    }

    @Test
    void imagesBecomeLinksAndAreNeverEmbedded() {
        String html = CommentMarkdown.toHtml("![a chart](https://example.org/chart.png)");
        assertThat(html).doesNotContain("<img").contains("href=\"https://example.org/chart.png\"")
                .contains("rel=\"nofollow ugc noopener\"").contains(">a chart</a>");
    }

    @Test
    void rawHtmlIsEscaped() {
        String html = CommentMarkdown.toHtml("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n\n<div>\nblock\n</div>");
        assertThat(html).doesNotContain("<script").doesNotContain("<b ").doesNotContain("<div")
                .contains("&lt;script&gt;").contains("&lt;b onclick=");
        assertThat(CommentMarkdown.toHtml("&lt;script&gt;")).doesNotContain("<script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](javascript&colon;alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>", "![x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)", "[x](vbscript:msgbox(1))"})
    void dangerousLinkTargetsAreNeutralised(String markdown) {
        String html = CommentMarkdown.toHtml(markdown).toLowerCase();
        assertThat(html).contains("<a ").doesNotContainPattern("href=\"\\s*(javascript|data|vbscript)");
    }

    @Test
    void plainTextIsEscaped() {
        assertThat(CommentMarkdown.toHtml("5 < 6 & \"quotes\"")).isEqualTo("<p>5 &lt; 6 &amp; &quot;quotes&quot;</p>\n");
    }
}

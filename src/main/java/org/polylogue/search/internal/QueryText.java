package org.polylogue.search.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.polylogue.search.SearchQuery;

/**
 * Turns what someone typed into a query over every language's field, each analysed as that language. Lucene's
 * {@link SimpleQueryParser} reads it: words (all required), {@code "phrases"}, {@code -not},
 * {@code a | b}, {@code prefix*} and parentheses, and never fails on unbalanced quotes or stray
 * operators. Control characters become spaces; text beyond {@link SearchQuery#MAX_TEXT} characters
 * or {@link #MAX_WORDS} words is cut off; a query with no letter or digit lists everything.
 */
public final class QueryText {

    public static final int MAX_WORDS = 32;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The query, and whether the text was shortened. */
    public record Parsed(Query query, boolean shortened, boolean everything) {}

    private QueryText() {}

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = CONTROL.matcher(text).replaceAll(" ");
        return SPACES.matcher(cleaned).replaceAll(" ").strip();
    }

    /**
     * The query of what was typed. Parsing in seven analyzers costs about as much as a search
     * answered from kept results, so the queries of the texts typed most are kept (queries do not
     * change once built).
     */
    public static Parsed parse(String typed) {
        String text = typed == null ? "" : typed;
        return text.length() > KEPT_LENGTH ? parseNow(text) : PARSED.get(text, QueryText::parseNow);
    }

    /** Longer texts are parsed each time (they are rare, and would fill the memory kept). */
    private static final int KEPT_LENGTH = 200;

    private static final com.github.benmanes.caffeine.cache.Cache<String, Parsed> PARSED = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(10_000).build();

    private static Parsed parseNow(String typed) {
        String text = clean(typed);
        boolean shortened = false;
        if (text.length() > SearchQuery.MAX_TEXT) {
            text = text.substring(0, SearchQuery.MAX_TEXT);
            shortened = true;
        }
        String[] words = text.split(" ");
        if (words.length > MAX_WORDS) {
            text = String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
            shortened = true;
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Parsed(new MatchAllDocsQuery(), shortened, true);
        }
        // every language's field, each with its own analyzer: a Russian query finds Russian forms in
        // text_ru, and a Latin-script name finds that name in a Russian or Chinese text too
        Map<String, Float> fields = new HashMap<>();
        Languages.textFields().forEach(field -> fields.put(field, 1f));
        var parser = new SimpleQueryParser(Languages.analyzer(), fields);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(text);
        if (query == null) {
            // only words every analyzer drops (stop words): nothing to look for
            return new Parsed(new org.apache.lucene.search.MatchNoDocsQuery(), shortened, false);
        }
        return new Parsed(query, shortened, false);
    }
}

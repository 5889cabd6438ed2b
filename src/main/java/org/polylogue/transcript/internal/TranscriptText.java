package org.polylogue.transcript.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules of transcripts: the normalised form kept for search (NFKC, non-breaking spaces as
 * spaces, non-breaking hyphens as hyphens, whitespace collapsed), word counts, and stage notes such
 * as {@code (Laughing)} that are kept in the text but are not words anyone said.
 */
public final class TranscriptText {

    /** A stage note: a capitalised word or a few words in parentheses or brackets, e.g. (Laughing), [Inaudible]. */
    public static final Pattern STAGE_NOTE = Pattern.compile(
            "\\([A-Z][A-Za-z]*(?:[ \\u00A0][A-Za-z]+){0,5}\\)|\\[[A-Z][A-Za-z]*(?:[ \\u00A0][A-Za-z]+){0,5}]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TranscriptText() {}

    /** The form kept for search and comparison; never null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // NFKC turns U+00A0 into a space and U+2011 into U+2010; both end as plain ASCII
        n = n.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2011', '-').replace('\u2010', '-');
        return SPACES.matcher(n).replaceAll(" ").strip();
    }

    /** Words said: stage notes and interruption dashes do not count. */
    public static int words(String text) {
        String spoken = STAGE_NOTE.matcher(normalize(text)).replaceAll(" ");
        Matcher m = WORD.matcher(spoken);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** A piece of a paragraph: said text, or a stage note (shown marked). */
    public record Segment(String text, boolean stageNote) {}

    /** The paragraph cut into said text and stage notes, in order; their texts concatenated give the paragraph. */
    public static List<Segment> segments(String paragraph) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = STAGE_NOTE.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new Segment(paragraph.substring(at, m.start()), false));
            }
            segments.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < paragraph.length()) {
            segments.add(new Segment(paragraph.substring(at), false));
        }
        return segments;
    }

    /** The key a speaker label is linked by: normalised, upper case. */
    public static String labelKey(String label) {
        return normalize(label).toUpperCase(java.util.Locale.ROOT);
    }
}

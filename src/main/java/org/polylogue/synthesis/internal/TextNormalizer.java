package org.polylogue.synthesis.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as campaign detection compares it: NFKC, lower case, punctuation and whitespace collapsed.
 * A text with no letters or digits (only emoji or symbols) keeps its symbols as tokens, so that
 * identical emoji-only inputs still match and different ones do not.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        var word = new StringBuilder();
        for (int i = 0; i < normalized.length();) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        if (tokens.isEmpty()) {
            // only symbols: every non-space code point is a token
            normalized.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != 0xFE0F && cp != 0x200D)
                    .forEach(cp -> tokens.add(new String(Character.toChars(cp))));
        }
        return tokens;
    }

    /** Sentences of a text (split after . ! ? and line breaks), stripped, non-empty. */
    public static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : text.split("(?<=[.!?。！？])\\s+|\\n+")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    /** A sentence as compared between members: its tokens joined by single spaces. */
    public static String sentenceKey(String sentence) {
        return String.join(" ", tokens(sentence));
    }
}

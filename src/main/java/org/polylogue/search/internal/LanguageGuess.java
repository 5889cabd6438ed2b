package org.polylogue.search.internal;

import java.util.List;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.springframework.stereotype.Component;

/**
 * Tells which of the six languages a text is in. The script settles Arabic, Chinese and Russian
 * (the only languages of those scripts indexed with their own analyzer); for Latin script, Apache
 * OpenNLP's detector (as Tika packages it, the submission module's choice) picks the likeliest of
 * English, French and Spanish, even for a short comment it would rate as uncertain. Other
 * languages and texts without letters give null.
 */
@Component
public class LanguageGuess {

    private static final int SAMPLE = 4_000;

    /** Detectors keep the text they read: one per thread at a time, reused. */
    private final java.util.concurrent.ConcurrentLinkedQueue<OpenNLPDetector> detectors =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        int arabic = 0;
        int han = 0;
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < sample.length();) {
            int c = sample.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case ARABIC -> arabic++;
                case HAN -> han++;
                case CYRILLIC -> cyrillic++;
                case LATIN -> latin++;
                default -> {
                    // not one of the six
                }
            }
        }
        int max = Math.max(Math.max(arabic, han), Math.max(cyrillic, latin));
        if (max == 0) {
            return null;
        }
        if (max == han) {
            return "zh";
        }
        if (max == arabic) {
            return "ar";
        }
        if (max == cyrillic) {
            return "ru";
        }
        return latin(sample);
    }

    /**
     * Function words of one of the three languages only (from the Snowball project's lists that
     * Lucene ships): "the", "et", "y"... Words two of them share ("de", "la", "que") tell nothing.
     */
    private static final List<org.apache.lucene.analysis.CharArraySet> ONLY;
    private static final List<String> LATIN = List.of("en", "fr", "es");

    static {
        var lists = List.of(snowball("english_stop.txt"), snowball("french_stop.txt"), snowball("spanish_stop.txt"));
        var only = new java.util.ArrayList<org.apache.lucene.analysis.CharArraySet>();
        for (int i = 0; i < lists.size(); i++) {
            var mine = new org.apache.lucene.analysis.CharArraySet(64, false);
            for (Object word : lists.get(i)) {
                int self = i;
                char[] chars = (char[]) word;
                boolean shared = java.util.stream.IntStream.range(0, lists.size())
                        .anyMatch(j -> j != self && lists.get(j).contains(chars, 0, chars.length));
                if (!shared) {
                    mine.add(chars);
                }
            }
            only.add(org.apache.lucene.analysis.CharArraySet.unmodifiableSet(mine));
        }
        ONLY = List.copyOf(only);
    }

    private static org.apache.lucene.analysis.CharArraySet snowball(String name) {
        try (var reader = org.apache.lucene.util.IOUtils.getDecodingReader(
                org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            return org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * English, French or Spanish: a clear majority of the function words that belong to one of the
     * three only settles it cheaply, as it does for most texts written in sentences; otherwise
     * OpenNLP decides (its detector costs several times what analysing the text does).
     */
    private String latin(String sample) {
        int[] counts = new int[ONLY.size()];
        char[] word = new char[32];
        int length = 0;
        for (int i = 0; i <= sample.length(); i++) {
            char c = i < sample.length() ? Character.toLowerCase(sample.charAt(i)) : ' ';
            if (Character.isLetter(c) || c == '\'') {
                if (length < word.length) {
                    word[length] = c;
                }
                length++;
            } else if (length > 0) {
                if (length <= word.length) {
                    for (int l = 0; l < counts.length; l++) {
                        if (ONLY.get(l).contains(word, 0, length)) {
                            counts[l]++;
                        }
                    }
                }
                length = 0;
            }
        }
        for (int l = 0; l < counts.length; l++) {
            int others = 0;
            for (int o = 0; o < counts.length; o++) {
                others = o == l ? others : Math.max(others, counts[o]);
            }
            if (counts[l] >= 2 && counts[l] >= 2 * others) {
                return LATIN.get(l);
            }
        }
        return detected(sample);
    }

    private String detected(String sample) {
        var detector = detectors.poll();
        if (detector == null) {
            detector = new OpenNLPDetector();
        }
        List<LanguageResult> results;
        try {
            detector.reset();
            detector.addText(sample);
            results = detector.detectAll();
        } finally {
            detectors.offer(detector);
        }
        for (var result : results) {
            String code = switch (result.getLanguage()) {
                case "eng", "en" -> "en";
                case "fra", "fr" -> "fr";
                case "spa", "es" -> "es";
                default -> null;
            };
            if (code != null) {
                return code;
            }
        }
        return null;
    }
}

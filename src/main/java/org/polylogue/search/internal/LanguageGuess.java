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

    private OpenNLPDetector detector;

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

    private static final org.apache.lucene.analysis.CharArraySet ENGLISH =
            org.apache.lucene.analysis.en.EnglishAnalyzer.getDefaultStopSet();
    private static final org.apache.lucene.analysis.CharArraySet FRENCH =
            org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet();
    private static final org.apache.lucene.analysis.CharArraySet SPANISH =
            org.apache.lucene.analysis.es.SpanishAnalyzer.getDefaultStopSet();
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}']+");

    /**
     * English, French or Spanish: a clear majority of the three languages' stop words (Lucene's
     * lists) settles it cheaply, as it does for most texts; otherwise OpenNLP decides.
     */
    private String latin(String sample) {
        int en = 0;
        int fr = 0;
        int es = 0;
        for (String word : NOT_LETTERS.split(sample.toLowerCase(java.util.Locale.ROOT))) {
            if (ENGLISH.contains(word)) {
                en++;
            }
            if (FRENCH.contains(word)) {
                fr++;
            }
            if (SPANISH.contains(word)) {
                es++;
            }
        }
        if (en >= 2 && en >= 2 * Math.max(fr, es)) {
            return "en";
        }
        if (fr >= 2 && fr >= 2 * Math.max(en, es)) {
            return "fr";
        }
        if (es >= 2 && es >= 2 * Math.max(en, fr)) {
            return "es";
        }
        return detected(sample);
    }

    private synchronized String detected(String sample) {
        if (detector == null) {
            detector = new OpenNLPDetector();
        }
        detector.reset();
        detector.addText(sample);
        List<LanguageResult> results = detector.detectAll();
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

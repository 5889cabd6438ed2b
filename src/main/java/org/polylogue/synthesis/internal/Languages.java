package org.polylogue.synthesis.internal;

import java.util.List;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The language of an input among those the analyzers know (en, fr, es, ru, ar, zh): the script
 * tells Cyrillic, Arabic and Chinese; OpenNLP (as Tika packages it) tells the Latin-script ones.
 * Not thread-safe: one per clustering run.
 */
final class Languages {

    private static final int SAMPLE = 2_000;
    private OpenNLPDetector detector;

    String detect(String text) {
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        int han = 0;
        int limit = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> arabic++;
                case HAN -> han++;
                default -> { }
            }
        }
        int max = Math.max(Math.max(latin, cyrillic), Math.max(arabic, han));
        if (max == 0) {
            return "und";
        }
        if (max == han) {
            return "zh";
        }
        if (max == cyrillic) {
            return "ru";
        }
        if (max == arabic) {
            return "ar";
        }
        if (detector == null) {
            detector = new OpenNLPDetector();
        }
        detector.reset();
        detector.addText(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
        List<LanguageResult> results = detector.detectAll();
        for (LanguageResult result : results) {
            switch (result.getLanguage()) {
                case "eng", "en" -> { return "en"; }
                case "fra", "fr" -> { return "fr"; }
                case "spa", "es" -> { return "es"; }
                default -> { }
            }
        }
        return "en";
    }
}

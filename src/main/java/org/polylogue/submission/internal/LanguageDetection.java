package org.polylogue.submission.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.springframework.stereotype.Component;

/**
 * The language of a submission's text, with Apache OpenNLP's language detector as Tika packages it
 * (a maintained Apache project; one model for 103 languages, loaded on first use). Only the first
 * 20,000 characters are read: enough to tell a language, and it bounds the time it takes.
 */
@Component
public class LanguageDetection {

    private static final int SAMPLE = 20_000;

    private volatile OpenNLPDetector detector;

    /**
     * An ISO 639-1 code ("en", "fr"; ISO 639-3 where there is no two-letter code), or null when the
     * text is empty or too mixed to tell. OpenNLP rates short texts as uncertain even when they are
     * clearly in one language, so the best guess is taken when it scores at least half again as
     * high as the next one.
     */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var detector = detector();
        List<LanguageResult> results;
        synchronized (detector) {
            detector.reset();
            detector.addText(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
            results = detector.detectAll();
        }
        if (results.isEmpty() || results.getFirst().getLanguage() == null || results.getFirst().getLanguage().isBlank()) {
            return null;
        }
        var best = results.getFirst();
        boolean clear = best.isReasonablyCertain() || results.size() == 1
                || best.getRawScore() >= 1.5f * results.get(1).getRawScore();
        return clear ? twoLetter(best.getLanguage()) : null;
    }

    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    static String twoLetter(String code) {
        return TWO_LETTER.getOrDefault(code, code);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.put(Locale.of(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known for it
            }
        }
        codes.put("cmn", "zh");
        codes.put("zho", "zh");
        codes.put("ara", "ar");
        return Map.copyOf(codes);
    }

    /** "French" for "fr"; null for null. */
    public static String name(String code) {
        if (code == null) {
            return null;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    private OpenNLPDetector detector() {
        var current = detector;
        if (current == null) {
            synchronized (this) {
                current = detector;
                if (current == null) {
                    current = new OpenNLPDetector();
                    detector = current;
                }
            }
        }
        return current;
    }
}

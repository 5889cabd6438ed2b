package org.polylogue.submission.internal;

import java.util.Locale;
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

    /** An ISO 639 code ("en", "fr"), or null when the text is too short or too mixed to tell. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var result = detector().detect(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
        if (result == null || result.isUnknown() || result.getConfidence() == LanguageResult.NULL.getConfidence()) {
            return null;
        }
        String code = result.getLanguage();
        return code == null || code.isBlank() ? null : Locale.forLanguageTag(code).getLanguage();
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

package org.polylogue.synthesis.internal;

import java.util.Map;
import org.polylogue.process.ConsultationView;

/** The paragraphs of a consultation's current draft: id to number. */
final class Paragraphs {

    private Paragraphs() {}

    static Map<String, Integer> numbers(ConsultationView consultation, InputReader reader) {
        return reader.paragraphNumbers(consultation);
    }
}

package org.polylogue.search.internal;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The six UN languages and how their text is analysed: one field per language ({@code text_ar},
 * {@code text_zh}...) with that language's analyzer (Arabic normalisation and stemming, Chinese
 * word segmentation, Russian, French, Spanish and English stemming), {@code text_xx} for text in
 * any other language. A query is analysed for every field with that field's analyzer, so a text is
 * found through its own language's field whatever the language of the query's words.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("ar", "zh", "en", "fr", "ru", "es");
    public static final String OTHER = "xx";

    private static final Analyzer STANDARD = new StandardAnalyzer();
    private static final Map<String, Analyzer> BY_LANGUAGE = Map.of("ar", new ArabicAnalyzer(), "zh",
            new SmartChineseAnalyzer(), "en", new EnglishAnalyzer(), "fr", new FrenchAnalyzer(), "ru",
            new RussianAnalyzer(), "es", new SpanishAnalyzer(), OTHER, STANDARD);
    private static final PerFieldAnalyzerWrapper ANALYZER = perField();

    private Languages() {}

    /** The field holding text of {@code language} (one of {@link #SUPPORTED}, else the field for others). */
    public static String field(String language) {
        return "text_" + (language != null && SUPPORTED.contains(language) ? language : OTHER);
    }

    /** Every field a text can be stored in (for highlighting). */
    public static List<String> textFields() {
        return List.of("text_ar", "text_zh", "text_en", "text_fr", "text_ru", "text_es", "text_xx");
    }

    /** The analyzer to index and query with, choosing by field. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    private static PerFieldAnalyzerWrapper perField() {
        var fields = new java.util.HashMap<String, Analyzer>();
        BY_LANGUAGE.forEach((language, analyzer) -> fields.put("text_" + language, analyzer));
        return new PerFieldAnalyzerWrapper(STANDARD, fields);
    }
}

package org.polylogue.synthesis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Words of a text as stems of its language (Lucene's analyzer, Snowball stop words) with their surface forms. */
final class TermAnalysis {

    private final Map<String, Analyzer> analyzers = new HashMap<>();

    /** Stems with their surface forms (lower case), by the analyzer of the language. */
    List<String[]> analyze(String language, String text) {
        Analyzer analyzer = analyzers.computeIfAbsent(language, TermAnalysis::analyzer);
        List<String[]> tokens = new ArrayList<>();
        String bounded = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        try (var stream = analyzer.tokenStream("text", bounded)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String stem = term.toString();
                if (stem.length() < 2 || stem.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String surface = bounded.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                tokens.add(new String[] {language + ":" + stem, surface});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static Analyzer analyzer(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer(snowballStopWords("english_stop.txt"));
            case "fr" -> new FrenchAnalyzer(snowballStopWords("french_stop.txt"));
            case "es" -> new SpanishAnalyzer(snowballStopWords("spanish_stop.txt"));
            case "ru" -> new RussianAnalyzer(snowballStopWords("russian_stop.txt"));
            case "ar" -> new ArabicAnalyzer();
            case "zh" -> new SmartChineseAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** The fuller stop word lists of the Snowball project, as Lucene ships them. */
    static CharArraySet snowballStopWords(String name) {
        try (var reader = new java.io.InputStreamReader(SnowballFilter.class.getResourceAsStream(name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}

package org.polylogue.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polylogue.search.SearchHit;
import org.polylogue.search.SearchQuery;

/**
 * Each of the six languages analysed as its speakers would expect: an inflected form finds its base
 * form and the other way round, Arabic is normalised and stemmed, Chinese is segmented into words.
 * The index is a real one in a temporary directory; no application starts.
 */
class MultilingualSearchTest {

    @TempDir
    static Path directory;

    static SearchIndex index;
    static Searcher searcher;
    static MemorySource source = new MemorySource();
    static LanguageGuess languages = new LanguageGuess();

    @BeforeAll
    static void indexSentences() {
        index = new SearchIndex(directory.toString());
        var indexer = new SearchIndexer(index, languages, List.of(source));
        searcher = new Searcher(index);
        source.put("en", "States are protecting the critical infrastructures that their citizens depend on every day.");
        source.put("fr", "Les États protègent les infrastructures critiques dont dépendent leurs citoyens.");
        source.put("es", "Los Estados deberían proteger las infraestructuras críticas de las que dependen sus ciudadanos.");
        source.put("ru", "Государства обязуются защищать критическую инфраструктуру от компьютерных атак.");
        source.put("ar", "يجب على الدول حماية المعلومات والبنية التحتية الحيوية من الهجمات الإلكترونية");
        source.put("zh", "各国应当保护关键基础设施免受网络攻击。");
        source.put("mixed", "Государства обязуются защищать больницы zqmixedword от атак.");
        source.documents.keySet().forEach(id -> indexer.refresh("comment", id));
    }

    @AfterAll
    static void close() {
        index.destroy();
    }

    private static List<String> ids(String query) {
        return hits(query).stream().map(SearchHit::id).sorted().toList();
    }

    private static List<SearchHit> hits(String query) {
        return searcher.search(SearchQuery.of(query), QueryText.parse(query).query(), null, false).hits();
    }

    @Test
    void theLanguageOfEachTextIsDetectedAndReturned() {
        for (String language : List.of("en", "fr", "es", "ru", "ar", "zh")) {
            assertThat(languages.detect(source.documents.get(language).text())).as(language).isEqualTo(language);
        }
        assertThat(hits("защищать").getFirst().language()).isEqualTo("ru");
    }

    @Test
    void englishStemsInflectedForms() {
        assertThat(ids("protect infrastructure")).containsExactly("en");
        assertThat(ids("citizen")).containsExactly("en");
    }

    @Test
    void frenchStemsPluralsAndFindsAccentsEitherWay() {
        assertThat(ids("infrastructure critique")).contains("fr");
        assertThat(ids("citoyen")).containsExactly("fr");
    }

    @Test
    void spanishStemsPlurals() {
        assertThat(ids("infraestructura crítica")).containsExactly("es");
        assertThat(ids("ciudadano")).containsExactly("es");
    }

    @Test
    void aRussianQueryFindsInflectedRussianForms() {
        // the text has the accusative "критическую инфраструктуру"; the query is in the nominative
        assertThat(ids("критическая инфраструктура")).containsExactly("ru");
        assertThat(ids("компьютерная атака")).containsExactly("ru");
    }

    @Test
    void arabicIsNormalisedAndStemmed() {
        // "المعلومات" (the information) is found by "معلومات" without the article
        assertThat(ids("معلومات")).containsExactly("ar");
        assertThat(ids("الهجمات")).containsExactly("ar");
    }

    @Test
    void aChineseQueryFindsSegmentedWords() {
        assertThat(ids("网络攻击")).containsExactly("zh");
        assertThat(ids("基础设施")).containsExactly("zh");
        assertThat(ids("保护")).containsExactly("zh");
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeTheRest() {
        var hit = hits("критическая").getFirst();
        assertThat(hit.snippet()).contains("<mark>критическую</mark>");
    }

    @Test
    void aWordFoundInAnotherLanguagesFieldIsMarkedToo() {
        assertThat(hits("zqmixedword").getFirst().snippet()).contains("<mark>zqmixedword</mark>");
    }

    @Test
    void totalsAreExactBeyondAThousandMatchesAndAPagePastTheEndIsEmpty() {
        var indexer = new SearchIndexer(index, languages, List.of(source));
        for (int i = 0; i < 1_500; i++) {
            var document = source.put("many-" + i, "zqcommon words number " + i);
            index.update(IndexedDocuments.key("comment", document.id()), indexer.document(document));
        }
        index.publish();
        var query = QueryText.parse("zqcommon").query();
        var found = searcher.search(SearchQuery.of("zqcommon"), query, null, false);
        assertThat(found.total()).isEqualTo(1_500);
        assertThat(found.hits()).hasSize(20);
        assertThat(found.facets().get("kind").getFirst().count()).isEqualTo(1_500);
        var past = new SearchQuery("zqcommon", null, null, null, null, null, null, null, null, null, 100, 20);
        assertThat(searcher.search(past, query, null, false).hits()).isEmpty();
    }

    @Test
    void phrasesAndExclusions() {
        assertThat(ids("\"critical infrastructures\"")).containsExactly("en");
        assertThat(ids("\"infrastructures critical\"")).isEmpty();
        assertThat(ids("infrastructure -citizen")).doesNotContain("en");
    }

    @Test
    void badQueriesGiveResultsNotErrors() {
        for (String query : List.of("\"unbalanced", "*", "(((", "a AND (", "-", "|", "\"\"", "~2", "critical\u0000\u0007",
                "x".repeat(10_000), "word ".repeat(3_000), "protect*", "\\", "+-+-", "[]{}^:")) {
            var parsed = QueryText.parse(query);
            searcher.search(SearchQuery.of(query), parsed.query(), null, false);
        }
        assertThat(QueryText.parse("x".repeat(10_000)).shortened()).isTrue();
        assertThat(ids("protect*")).containsExactly("en");
        assertThat(QueryText.parse("*").everything()).isTrue();
    }
}

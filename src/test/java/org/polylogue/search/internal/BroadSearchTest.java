package org.polylogue.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polylogue.search.FacetValue;
import org.polylogue.search.SearchQuery;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;

/**
 * Searches matching far more than {@link Searcher#EXACT_UP_TO} items: the page comes from the best
 * matches, the total and the facet counts are estimated from a sample (and say so), and exact
 * counts stay available. Also: the rebuild on several threads, and an index of an older layout.
 */
class BroadSearchTest {

    static final int BROAD = 30_000;

    @TempDir
    static Path directory;

    static SearchIndex index;
    static Searcher searcher;
    static Reindexer reindexer;

    /** BROAD comments with "zqbroad"; one in three also has "zqthird"; a tenth are by group ACADEMIA. */
    static final SearchSource MANY = new SearchSource() {
        @Override
        public String kind() {
            return "comment";
        }

        @Override
        public Optional<SearchDocument> find(String id) {
            return Optional.of(comment(Integer.parseInt(id)));
        }

        @Override
        public void forEachDocument(Consumer<SearchDocument> sink) {
            for (int i = 0; i < BROAD; i++) {
                sink.accept(comment(i));
            }
        }

        SearchDocument comment(int i) {
            String text = "zqbroad the states should protect comment number " + i + (i % 3 == 0 ? " zqthird" : "")
                    + (i == 12_345 ? " zqunique" : "");
            return new SearchDocument("comment", Integer.toString(i), "Comment " + i, text, "/c/" + i, "process-1", null,
                    i % 10 == 0 ? "ACADEMIA" : "CIVIL_SOCIETY", null, "en", Instant.parse("2026-11-02T09:30:00Z")
                            .plusSeconds(i),
                    i == 7 ? Set.of("account-7") : Set.of());
        }
    };

    @BeforeAll
    static void rebuild() {
        index = new SearchIndex(directory.resolve("data").toString());
        var indexer = new SearchIndexer(index, new LanguageGuess(), List.of(MANY));
        reindexer = new Reindexer(index, indexer, java.time.Clock.systemUTC(),
                new org.springframework.boot.DefaultApplicationArguments());
        searcher = new Searcher(index);
        assertThat(reindexer.runNow()).isEqualTo(BROAD);
    }

    @AfterAll
    static void close() {
        index.destroy();
    }

    static Searcher.Found search(String text, boolean exact) {
        return searcher.search(SearchQuery.of(text), QueryText.parse(text).query(), null, false, exact);
    }

    static long count(Searcher.Found found, String facet, String value) {
        return found.facets().get(facet).stream().filter(v -> v.value().equals(value)).mapToLong(FacetValue::count)
                .sum();
    }

    @Test
    void theRebuildOnSeveralThreadsWritesEveryDocumentOnce() {
        assertThat(index.size()).isEqualTo(BROAD);
        var found = search("zqunique", false);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.hits().getFirst().id()).isEqualTo("12345");
    }

    @Test
    void aBroadSearchEstimatesItsCountsAndSaysSo() {
        var found = search("zqbroad", false);
        assertThat(found.estimated()).isTrue();
        // everything but the comment visible to one account
        assertThat(found.total()).isBetween((long) (BROAD * 0.85), (long) (BROAD * 1.15));
        assertThat(count(found, "group", "ACADEMIA")).isBetween((long) (BROAD * 0.1 * 0.7), (long) (BROAD * 0.1 * 1.3));
        assertThat(found.hits()).hasSize(20);

        var third = search("zqbroad zqthird", false);
        assertThat(third.estimated()).isTrue();
        assertThat(third.total()).isBetween((long) (BROAD / 3 * 0.8), (long) (BROAD / 3 * 1.2));
        assertThat(third.hits()).allSatisfy(hit -> assertThat(Integer.parseInt(hit.id()) % 3).isZero());
    }

    @Test
    void exactCountsWhenAskedFor() {
        var found = search("zqbroad", true);
        assertThat(found.estimated()).isFalse();
        assertThat(found.total()).isEqualTo(BROAD - 1);
        assertThat(count(found, "group", "ACADEMIA")).isEqualTo(BROAD / 10);
    }

    @Test
    void whatIsVisibleToFewIsFoundOnlyByThem() {
        var anyone = searcher.search(SearchQuery.of("number 7"), QueryText.parse("\"number 7\"").query(), null, false,
                true);
        assertThat(anyone.hits()).extracting(h -> h.id()).doesNotContain("7");
        var them = searcher.search(SearchQuery.of("number 7"), QueryText.parse("\"number 7\"").query(), "account-7",
                false, true);
        assertThat(them.hits()).extracting(h -> h.id()).contains("7");
        var other = searcher.search(SearchQuery.of("number 7"), QueryText.parse("\"number 7\"").query(), "account-8",
                false, true);
        assertThat(other.hits()).extracting(h -> h.id()).doesNotContain("7");
    }

    @Test
    void sortingByDateGivesTheNewestFirst() {
        var request = new SearchQuery("zqbroad", null, null, null, null, null, null, null, null, "date", 0, 5);
        var found = searcher.search(request, QueryText.parse("zqbroad").query(), null, false, false);
        assertThat(found.hits()).extracting(h -> h.id()).containsExactly("29999", "29998", "29997", "29996", "29995");
    }

    @Test
    void aFailingSourceStopsTheRebuildAndKeepsTheIndex() {
        var failing = new SearchSource() {
            @Override
            public String kind() {
                return "statement";
            }

            @Override
            public Optional<SearchDocument> find(String id) {
                return Optional.empty();
            }

            @Override
            public void forEachDocument(Consumer<SearchDocument> sink) {
                for (int i = 0; i < 5_000; i++) {
                    if (i == 4_000) {
                        throw new IllegalStateException("the database went away");
                    }
                    sink.accept(new SearchDocument("statement", "s" + i, "S", "zqfailing text", "/s", null, null, null,
                            null, "en", null, Set.of()));
                }
            }
        };
        var other = new SearchIndex(directory.resolve("failing").toString());
        try {
            var broken = new Reindexer(other, new SearchIndexer(other, new LanguageGuess(), List.of(failing)),
                    java.time.Clock.systemUTC(), new org.springframework.boot.DefaultApplicationArguments());
            assertThatThrownBy(broken::runNow).hasMessageContaining("the database went away");
            assertThat(other.size()).isZero();
            assertThat(broken.status().running()).isFalse();
        } finally {
            other.destroy();
        }
    }

    @Test
    void anIndexOfAnOlderLayoutIsNotSearchedButRebuilt() throws Exception {
        Path root = directory.resolve("old").resolve("search");
        Path generation = root.resolve("index-old");
        Files.createDirectories(generation);
        try (var dir = FSDirectory.open(generation);
                var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            var doc = new Document();
            doc.add(new StringField("key", "comment/1", Field.Store.NO));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("polylogue.schema", "1").entrySet());
            writer.commit();
        }
        Files.writeString(root.resolve("CURRENT"), "index-old");
        var reopened = new SearchIndex(directory.resolve("old").toString());
        try {
            assertThat(reopened.isNew()).isTrue();
            assertThat(reopened.size()).isZero();
            assertThat(generation).doesNotExist();
        } finally {
            reopened.destroy();
        }
    }
}

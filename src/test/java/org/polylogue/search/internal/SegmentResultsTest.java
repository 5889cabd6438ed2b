package org.polylogue.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polylogue.search.FacetValue;
import org.polylogue.search.SearchHit;
import org.polylogue.search.SearchQuery;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;

/**
 * What searches keep of each segment (ADR 010) never shows what the index no longer holds and
 * counts as a search that keeps nothing would: a seeded run of additions, edits and hidden
 * comments over an index of several segments, each followed by the same searches with and without
 * kept results, checked against each other and against the comments themselves.
 */
class SegmentResultsTest {

    static final String[] WORDS = {"zqalpha", "zqbravo", "zqcharlie", "zqdelta", "zqecho", "zqfoxtrot"};
    static final String[] GROUPS = {"CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR"};
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path directory;

    final Map<String, SearchDocument> comments = new ConcurrentHashMap<>();
    SearchIndex index;
    SearchIndexer indexer;
    Searcher keeping;
    Searcher fresh;
    int next;

    final SearchSource source = new SearchSource() {
        @Override
        public String kind() {
            return "comment";
        }

        @Override
        public Optional<SearchDocument> find(String id) {
            return Optional.ofNullable(comments.get(id));
        }

        @Override
        public void forEachDocument(Consumer<SearchDocument> sink) {
            new TreeMap<>(comments).values().forEach(sink);
        }
    };

    @BeforeEach
    void fill() {
        var random = new Random(5);
        for (next = 0; next < 12_000; next++) {
            put(next, random);
        }
        index = new SearchIndex(directory.resolve("data").toString());
        indexer = new SearchIndexer(index, new LanguageGuess(), List.of(source));
        var reindexer = new Reindexer(index, indexer, java.time.Clock.systemUTC(),
                new org.springframework.boot.DefaultApplicationArguments());
        assertThat(reindexer.runNow()).isEqualTo(12_000);
        keeping = new Searcher(index, 0, 16);
        fresh = new Searcher(index);
    }

    @AfterEach
    void close() {
        index.destroy();
    }

    void put(int i, Random random) {
        int length = 2 + random.nextInt(6);
        var text = new StringBuilder("comment");
        for (int w = 0; w < length; w++) {
            // the first words are far more frequent than the last
            text.append(' ').append(WORDS[Math.min(WORDS.length - 1, (int) (random.nextDouble() * random.nextDouble() * WORDS.length))]);
        }
        comments.put(Integer.toString(i), new SearchDocument("comment", Integer.toString(i), "Comment " + i,
                text.toString(), "/c/" + i, "process-" + random.nextInt(4), null, GROUPS[random.nextInt(GROUPS.length)],
                null, "en", START.plusSeconds(i * 60L), Set.of()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void keptResultsAnswerAsAFreshSearchAfterAdditionsEditsAndHiddenComments(long seed) {
        var random = new Random(seed);
        var model = new Random(seed + 100);
        for (int step = 0; step < 60; step++) {
            for (int q = 0; q < 3; q++) {
                compare(query(random), random.nextBoolean());
            }
            int action = random.nextInt(4);
            String id;
            if (action < 2) {
                id = Integer.toString(next);
                put(next++, model);
            } else {
                var ids = new ArrayList<>(comments.keySet());
                id = ids.get(random.nextInt(ids.size()));
                if (action == 2) {
                    put(Integer.parseInt(id), model);
                } else {
                    comments.remove(id);
                }
            }
            indexer.refresh("comment", id);
        }
    }

    @Test
    void aCommentHiddenFromALargeSegmentLeavesAKeptSearchAtOnce() {
        var request = new SearchQuery("zqfoxtrot", null, null, null, null, null, null, null, null, "date", 0, 20);
        var before = keeping.search(request, QueryText.parse("zqfoxtrot").query(), null, false, true);
        assertThat(before.hits()).isNotEmpty();
        String newest = before.hits().getFirst().id();
        comments.remove(newest);
        indexer.refresh("comment", newest);

        var after = keeping.search(request, QueryText.parse("zqfoxtrot").query(), null, false, true);
        assertThat(after.hits()).extracting(SearchHit::id).doesNotContain(newest);
        assertThat(after.total()).isEqualTo(before.total() - 1);
        assertThat(after.hits().getFirst().id()).isEqualTo(before.hits().get(1).id());
    }

    @Test
    void theDocumentsLostBetweenTwoStatesOfASegmentAreFoundWordByWord() {
        var before = new FixedBitSet(200);
        before.set(0, 200);
        before.clear(3);
        var now = before.clone();
        now.clear(64);
        now.clear(199);
        now.clear(5);
        assertThat(SegmentEntry.gone(before, now, 200)).containsExactly(5, 64, 199);
        assertThat(SegmentEntry.gone(null, now, 200)).containsExactly(3, 5, 64, 199);
        assertThat(SegmentEntry.gone(before, null, 200)).isEmpty();
        var many = new FixedBitSet(200);
        assertThat(SegmentEntry.gone(null, many, 200)).as("more than can be caught up with").isNull();
    }

    String query(Random random) {
        String first = WORDS[random.nextInt(WORDS.length)];
        return random.nextBoolean() ? first : first + " " + WORDS[random.nextInt(WORDS.length)];
    }

    void compare(String text, boolean exact) {
        for (String sort : new String[] {"date", "relevance"}) {
            var request = new SearchQuery(text, null, null, null, null, null, null, null, null, sort, 0, 20);
            var query = QueryText.parse(text).query();
            var kept = keeping.search(request, query, null, false, exact);
            var now = fresh.search(request, query, null, false, exact);
            String what = text + " (" + sort + (exact ? ", exact)" : ")");
            assertThat(kept.estimated()).as(what).isEqualTo(now.estimated());
            if (exact) {
                assertThat(kept.total()).as(what).isEqualTo(now.total()).isEqualTo(matching(text));
                assertThat(kept.facets()).as(what).isEqualTo(now.facets());
            } else {
                assertThat(kept.total()).as(what).isBetween((long) (now.total() * 0.8), (long) (now.total() * 1.2));
                assertThat(kept.facets().keySet()).as(what).isEqualTo(now.facets().keySet());
            }
            if (sort.equals("date")) {
                assertThat(kept.hits()).as(what).extracting(SearchHit::id)
                        .isEqualTo(now.hits().stream().map(SearchHit::id).toList());
            }
            // whatever the order of equally relevant comments, none that is no longer there
            assertThat(kept.hits()).as(what).allSatisfy(hit -> {
                var comment = comments.get(hit.id());
                assertThat(comment).as("comment " + hit.id() + " is still there").isNotNull();
                assertThat(hit.snippet()).contains("<mark>");
            });
            if (!exact && kept.facets().get("group") != null) {
                assertThat(kept.facets().get("group")).extracting(FacetValue::count).allSatisfy(c -> assertThat(c)
                        .isPositive());
            }
        }
    }

    long matching(String text) {
        var words = new java.util.HashSet<>(Arrays.asList(text.split(" ")));
        return comments.values().stream()
                .filter(c -> Arrays.asList(c.text().split(" ")).containsAll(words)).count();
    }
}

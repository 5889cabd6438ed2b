package org.polylogue.search.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.polylogue.search.SearchHit;

/**
 * Hits as pages show them: read from the stored document once, with a snippet (escaped HTML,
 * {@code <mark>} around matches) highlighted from the offsets in the postings.
 */
final class Snippets {

    private static final int SNIPPET_LENGTH = 10_000;

    private Snippets() {}

    /** The hits of {@code page}, each with a snippet of its text where the query's words are marked. */
    static List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        // each document is read once: for the hit and for its snippet
        var stored = searcher.storedFields();
        Map<Integer, Document> documents = new HashMap<>();
        for (ScoreDoc hit : page) {
            documents.put(hit.doc, stored.document(hit.doc));
        }
        var builder = UnifiedHighlighter.builder(searcher, Languages.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(SNIPPET_LENGTH).withMaxNoHighlightPassages(1)
                // the query's words from every language's field mark the text, whichever field it is in
                .withFieldMatcher(field -> true).withWeightMatches(false);
        var highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    var document = documents.get(doc);
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String text = document == null ? null : document.get(fields[f]);
                        texts[f] = text == null ? "" : text;
                    }
                    values.add(texts);
                }
                return values;
            }
        };
        // only the fields of the languages on this page
        var fields = Arrays.stream(page).map(hit -> Languages.field(documents.get(hit.doc).get(IndexedDocuments.LANGUAGE)))
                .distinct().toArray(String[]::new);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 2);
        var topDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        Map<String, String[]> snippets = highlighter.highlightFields(fields, query, topDocs, passages);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            var doc = documents.get(page[i].doc);
            String snippet = null;
            for (String field : fields) {
                String[] values = snippets.get(field);
                if (values != null && values[i] != null) {
                    snippet = values[i];
                    break;
                }
            }
            var published = doc.getField(IndexedDocuments.PUBLISHED);
            hits.add(new SearchHit(doc.get(IndexedDocuments.KIND), doc.get(IndexedDocuments.ID),
                    doc.get(IndexedDocuments.TITLE), snippet == null ? "" : snippet, doc.get(IndexedDocuments.PATH),
                    doc.get(IndexedDocuments.LANGUAGE),
                    published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue())));
        }
        return hits;
    }

    /** About how many bytes a hit takes in memory. */
    static long bytes(SearchHit hit) {
        return 128 + 2L * (length(hit.title()) + length(hit.snippet()) + length(hit.url()) + length(hit.id()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}

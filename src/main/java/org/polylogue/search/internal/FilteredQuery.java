package org.polylogue.search.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.polylogue.search.SearchQuery;

/** The words of a search with its filters and what the one who searches may see, as one Lucene query. */
final class FilteredQuery {

    private FilteredQuery() {}

    /**
     * @param accountId who searches (null: the public); {@code everything} lets an administrator see
     *     what is visible to few
     */
    static Query of(SearchQuery request, Query text, String accountId, boolean everything) {
    var filtered = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    // the facet filters as one clause, which the index keeps as one set of documents per segment
    // (SearchIndex): a search then only looks at the documents of every filter at once
    var facets = new BooleanQuery.Builder();
    filter(facets, IndexedDocuments.KIND, request.kind());
    filter(facets, IndexedDocuments.PROCESS, request.processId());
    filter(facets, IndexedDocuments.GROUP, request.group());
    filter(facets, IndexedDocuments.REGION, request.region());
    filter(facets, IndexedDocuments.ORGANIZATION, request.organizationId());
    filter(facets, IndexedDocuments.LANGUAGE, request.language());
    var facetFilters = facets.build();
    if (facetFilters.clauses().size() == 1) {
        filtered.add(facetFilters.clauses().getFirst().query(), BooleanClause.Occur.FILTER);
    } else if (!facetFilters.clauses().isEmpty()) {
        filtered.add(facetFilters, BooleanClause.Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
        long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
        long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
        // through the points when the range leads, through each candidate's date when other
        // clauses are narrower (then building the range's set of documents would cost more)
        filtered.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(IndexedDocuments.PUBLISHED, from, to),
                NumericDocValuesField.newSlowRangeQuery(IndexedDocuments.PUBLISHED, from, to)),
                BooleanClause.Occur.FILTER);
    }
    if (!everything) {
        var restricted = new TermQuery(new Term(IndexedDocuments.RESTRICTED, IndexedDocuments.RESTRICTED));
        if (accountId == null) {
            filtered.add(restricted, BooleanClause.Occur.MUST_NOT);
        } else {
            // not restricted, or restricted to a set of accounts that holds this one
            var excluded = new BooleanQuery.Builder().add(restricted, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexedDocuments.VISIBLE, accountId)), BooleanClause.Occur.MUST_NOT);
            filtered.add(excluded.build(), BooleanClause.Occur.MUST_NOT);
        }
    }
        return filtered.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}

package org.polylogue.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.polylogue.shared.search.SearchDocument;

/**
 * How a {@link SearchDocument} is laid out in the index: the text once, in its language's field
 * (stored, for snippets); every filter as an exact term and as a
 * facet; the publication time as a point (ranges), a doc value (sorting) and stored, all under one
 * name so that sorting by date can skip what cannot reach the page.
 */
public final class IndexedDocuments {

    public static final String KEY = "key";
    public static final String KIND = "kind";
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String PATH = "path";
    public static final String LANGUAGE = "language";
    public static final String PROCESS = "process";
    public static final String GROUP = "group";
    public static final String REGION = "region";
    public static final String ORGANIZATION = "organization";
    public static final String YEAR = "year";
    public static final String PUBLISHED = "published";
    public static final String VISIBLE = "visible";
    /** Marks a document visible to few (those in {@link #VISIBLE}): the public query excludes it. */
    public static final String RESTRICTED = "restricted";

    /**
     * The layout's version, kept in each commit: an index written with another layout is not
     * searched (it could show what the new layout hides) but rebuilt.
     */
    public static final String SCHEMA = "6";

    /** The text: analysed with offsets in the postings (snippets need not analyse it again), stored. */
    private static final FieldType TEXT = text();

    /** The facets, in the order pages show them. */
    public static final List<String> FACETS = List.of(KIND, PROCESS, GROUP, REGION, ORGANIZATION, LANGUAGE, YEAR);

    public static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    private IndexedDocuments() {}

    public static Term key(String kind, String id) {
        return new Term(KEY, kind + "/" + id);
    }

    /** The Lucene document; {@code language} is the one detected when the source did not say. */
    public static Document of(SearchDocument source, String language) {
        var doc = new Document();
        doc.add(new StringField(KEY, source.kind() + "/" + source.id(), Field.Store.NO));
        doc.add(new StoredField(ID, source.id()));
        doc.add(new StoredField(TITLE, source.title() == null ? "" : source.title()));
        doc.add(new StoredField(PATH, source.path() == null ? "" : source.path()));
        String text = source.text() == null ? "" : source.text();
        doc.add(new Field(Languages.field(language), text, TEXT));
        facet(doc, KIND, source.kind(), true);
        facet(doc, LANGUAGE, language, true);
        facet(doc, PROCESS, source.processId(), false);
        facet(doc, GROUP, source.stakeholderGroup(), false);
        facet(doc, REGION, source.regionalGroup(), false);
        facet(doc, ORGANIZATION, source.organizationId(), false);
        if (source.publishedAt() != null) {
            long millis = source.publishedAt().toEpochMilli();
            doc.add(new LongPoint(PUBLISHED, millis));
            doc.add(new NumericDocValuesField(PUBLISHED, millis));
            doc.add(new StoredField(PUBLISHED, millis));
            facet(doc, YEAR, Integer.toString(source.publishedAt().atZone(ZoneOffset.UTC).getYear()), false);
        }
        if (!source.visibleTo().isEmpty()) {
            doc.add(new StringField(RESTRICTED, RESTRICTED, Field.Store.NO));
            source.visibleTo().forEach(account -> doc.add(new StringField(VISIBLE, account, Field.Store.NO)));
        }
        try {
            return FACETS_CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType text() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void facet(Document doc, String name, String value, boolean stored) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(name, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(name, value));
    }
}

package org.polylogue.publishing;

import java.util.List;

/**
 * Implemented by each module whose content is published as open data (a Spring bean), like the
 * search SPI. The export writes one {@code <kind>.csv} and one {@code <kind>.jsonl} per source, with
 * the columns in the order given here, and describes them in the README of the ZIP.
 *
 * <p>Rows are streamed: read them from the database with a fetch size (the export runs inside one
 * read-only transaction, so a fetch size makes PostgreSQL use a cursor) and hand each to the sink at
 * once, never collecting the whole table. Only what the platform shows publicly may be exported:
 * hidden items keep their id and the moderators' notice, never their text.
 */
public interface ExportSource {

    /** Rows fetched from the database at a time by the built-in sources. */
    int FETCH_SIZE = 1000;

    /** The file name and kind: {@code comments}, {@code statements}... (lower case, unique). */
    String kind();

    /** One sentence for the README: what one row is. */
    String description();

    /** The columns, in order; the first is the row's stable id (or the ids that together identify it). */
    List<ExportColumn> columns();

    /**
     * Every public row in scope, in a stable order, as values in {@link #columns()} order: strings,
     * numbers, booleans, {@link java.time.Instant} or {@link java.time.OffsetDateTime}, or null.
     */
    void forEachRow(ExportScope scope, ExportSink sink);

    /** Where the file comes in the ZIP and README (lower first); ties by kind. */
    default int order() {
        return 100;
    }
}

package org.polylogue.publishing.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.polylogue.publishing.ExportColumn;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kind's rows written twice as they come: a CSV (RFC 4180: comma, double quotes, CRLF, a header
 * row; UTF-8 without a byte order mark) and JSON Lines (one object per line, keys as the CSV
 * header, typed values). Timestamps are ISO-8601 in UTC in both. JSON Lines keep every value exactly as
 * stored; in the CSV a text cell a spreadsheet would run as a formula gets a leading {@code '} (see
 * {@link #csvCell}), since the people named in the data are targets of attack and researchers do open
 * CSV files in spreadsheets.
 */
final class RowFiles implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final List<ExportColumn> columns;
    private final CSVPrinter csv;
    private final OutputStream lines;
    private final JsonMapper json;
    private long rows;

    RowFiles(List<ExportColumn> columns, OutputStream csvOut, OutputStream linesOut, JsonMapper json) throws IOException {
        this.columns = columns;
        Writer writer = new OutputStreamWriter(new BufferedOutputStream(csvOut, 1 << 16), StandardCharsets.UTF_8);
        this.csv = new CSVPrinter(writer, FORMAT);
        this.csv.printRecord(columns.stream().map(ExportColumn::name).toList());
        this.lines = new BufferedOutputStream(linesOut, 1 << 16);
        this.json = json;
    }

    void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = normalise(values[i]);
            object.put(columns.get(i).name(), value);
            cells[i] = csvCell(value);
        }
        try {
            csv.printRecord(cells);
            lines.write(json.writeValueAsBytes(object));
            lines.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /**
     * The CSV form of a normalised value: empty for null, numbers and booleans as they are, a text
     * made safe for spreadsheets ({@link org.polylogue.shared.SpreadsheetCells}).
     */
    static Object csvCell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? org.polylogue.shared.SpreadsheetCells.text(text) : value;
    }

    long rows() {
        return rows;
    }

    private static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant.toString();
            case OffsetDateTime time -> time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
            case java.sql.Timestamp timestamp -> timestamp.toInstant().toString();
            case TemporalAccessor other -> other.toString();
            case String text -> text;
            case Number number -> number;
            case Boolean bool -> bool;
            case Enum<?> constant -> constant.name();
            default -> value.toString();
        };
    }

    @Override
    public void close() throws IOException {
        csv.flush();
        lines.close();
    }
}

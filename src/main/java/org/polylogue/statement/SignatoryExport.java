package org.polylogue.statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The signatories of a statement as exported (CSV and JSON): every signature, oldest first, with
 * stable columns. A withdrawn signature has its {@code withdrawnAt}; a current one leaves it empty.
 */
public final class SignatoryExport {

    public static final List<String> COLUMNS = List.of("organization_id", "name", "stakeholder_group", "country",
            "regional_group", "signed_at", "withdrawn_at");

    /** One exported signature; enums by their constant names, timestamps ISO-8601 in UTC. */
    public record Row(String organizationId, String name, String stakeholderGroup, String country,
            String regionalGroup, Instant signedAt, Instant withdrawnAt) {}

    private static final CsvMapper MAPPER = new CsvMapper();

    private SignatoryExport() {}

    public static List<Row> rows(StatementView statement) {
        return statement.signatures().stream().map(s -> new Row(s.organizationId(), s.name(),
                s.stakeholderGroup() == null ? null : s.stakeholderGroup().name(), s.country(),
                s.regionalGroup() == null ? null : s.regionalGroup().name(), s.signedAt(), s.withdrawnAt())).toList();
    }

    /** CSV with a header line; cells that a spreadsheet would run as a formula are prefixed with '. */
    public static String csv(StatementView statement) {
        var schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> lines = new ArrayList<>();
        for (var row : rows(statement)) {
            var values = List.of(cell(row.organizationId()), cell(row.name()), cell(row.stakeholderGroup()),
                    cell(row.country()), cell(row.regionalGroup()), cell(row.signedAt()), cell(row.withdrawnAt()));
            Map<String, String> line = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.put(COLUMNS.get(i), values.get(i));
            }
            lines.add(line);
        }
        return MAPPER.writer(schema.setUseHeader(true).setLineSeparator("\r\n").build()).writeValueAsString(lines);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return org.polylogue.shared.SpreadsheetCells.text(value.toString());
    }
}

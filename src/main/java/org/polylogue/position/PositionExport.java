package org.polylogue.position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The ledger of a process as CSV: every stance, oldest first, with stable ids and a {@code current}
 * column. {@code evidence} lists each piece as {@code kind:reference} (the id, or the address of a
 * link or turn), separated by " ; ". The JSON export is the list of {@link StanceView}.
 */
public final class PositionExport {

    public static final List<String> COLUMNS = List.of("stance_id", "process_id", "actor_kind", "actor_id",
            "actor_name", "stakeholder_group", "regional_group", "item_kind", "item_id", "consultation_id",
            "item_label", "position", "summary", "date", "recorded_at", "recorded_by", "current", "evidence");

    private static final CsvMapper MAPPER = new CsvMapper();

    private PositionExport() {}

    /** CSV with a header line; cells a spreadsheet would run as a formula are prefixed with '. */
    public static String csv(List<StanceView> stances) {
        var schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> lines = new ArrayList<>();
        for (var s : stances) {
            String evidence = s.evidence().stream()
                    .map(e -> e.kind() + ":" + (e.id() != null && !e.kind().equals("turn") ? e.id() : e.href()))
                    .collect(Collectors.joining(" ; "));
            var values = new Object[] {s.id(), s.processId(), s.actor().kind(), s.actor().id(), s.actor().name(),
                s.actor().stakeholderGroup(), s.actor().regionalGroup(), s.item().kind(), s.item().id(),
                s.item().consultationId(), s.item().label(), s.position().name(), s.summary(), s.date(),
                s.recordedAt(), s.recordedBy(), s.current(), evidence};
            Map<String, String> line = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.put(COLUMNS.get(i), cell(values[i]));
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

package org.polylogue.position.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.account.Accounts;
import org.polylogue.position.RecordedAs;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The position ledger as open data: every stance (superseded ones included, with a {@code current}
 * flag) with its evidence as a JSON list, and the named proposals stances may be about. A person
 * taking a stance appears under their public name; who at the secretariat recorded a stance is
 * given as a label (by the secretariat, by the organisation...), never as an account.
 */
@Configuration(proxyBeanMethods = false)
class StanceExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Row(String id, String processId, String actorKind, String actorId, String itemKind, String itemId,
            String consultationId, String position, String summary, LocalDate statedOn, Instant recordedAt,
            String recordedAs, boolean current) {}

    @Bean
    ExportSource stancesExport(JdbcClient jdbc, Accounts accounts) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "stances";
            }

            @Override
            public String description() {
                return "One row per stance in the position ledger: an organisation or person's position on an item, "
                        + "on a date, with its evidence; later stances of the same actor on the same item supersede earlier ones.";
            }

            @Override
            public int order() {
                return 88;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the stance."),
                        ExportColumn.of("process_id", "The process (processes.id)."),
                        ExportColumn.of("actor_kind", "Who took the stance: organization or person."),
                        ExportColumn.of("actor_id", "The organisation (organizations.id) or the person's platform id."),
                        ExportColumn.of("actor_name", "For a person, their public name (a pseudonym where chosen); empty for an organisation (see organizations.name)."),
                        ExportColumn.of("item_kind", "What the stance is about: consultation, paragraph, amendment or proposal."),
                        ExportColumn.of("item_id", "The item: consultations.id, paragraphs.paragraph_id, amendments.id or proposals.id."),
                        ExportColumn.of("consultation_id", "The consultation of a paragraph or amendment (consultations.id); else empty."),
                        ExportColumn.of("position", "SUPPORTS, OPPOSES, WANTS_AMENDMENT, CONDITIONAL or NEUTRAL."),
                        ExportColumn.of("summary", "The stance in a few sentences."),
                        ExportColumn.of("date", "The day the stance was stated (YYYY-MM-DD)."),
                        ExportColumn.of("recorded_at", "When it was entered in the ledger."),
                        ExportColumn.of("recorded_by", "Who entered it, as a label: by the secretariat, by the organisation, by the person, or automatically from a co-signature or amendment support."),
                        ExportColumn.of("current", "true when no later stance of the same actor on the same item supersedes it."),
                        ExportColumn.of("evidence", "The evidence as a JSON list of {kind, id, url, label}; kind is comment, turn, statement, submission, amendment or link."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                var batch = new ExportBatch<Row>(ExportBatch.SIZE, rows -> emit(rows, sink));
                jdbc.sql("""
                        select id, process_id, actor_kind, actor_id, item_kind, item_id, consultation_id, position, summary,
                               stated_on, recorded_at, recorded_as,
                               row_number() over (partition by actor_kind, actor_id, item_kind, item_id
                                                  order by stated_on desc, recorded_at desc, id desc) = 1
                        from position_stance where ? or process_id = ? order by id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> batch.add(new Row(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                                instant(rs.getTimestamp(11)), rs.getString(12), rs.getBoolean(13))));
                batch.flush();
            }

            private void emit(List<Row> rows, ExportSink sink) {
                var names = accounts.publicNames(rows.stream().filter(r -> r.actorKind().equals("person"))
                        .map(Row::actorId).distinct().toList());
                Map<String, List<Map<String, String>>> evidence = new HashMap<>();
                jdbc.sql("""
                        select stance_id, kind, ref_id, url, label from position_evidence
                        where stance_id = any(?) order by stance_id, ordinal""")
                        .param(rows.stream().map(Row::id).toArray(String[]::new))
                        .query((RowCallbackHandler) rs -> {
                            Map<String, String> piece = new LinkedHashMap<>();
                            piece.put("kind", rs.getString(2));
                            piece.put("id", rs.getString(3));
                            piece.put("url", rs.getString(4));
                            piece.put("label", rs.getString(5));
                            evidence.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(piece);
                        });
                for (Row row : rows) {
                    String name = row.actorKind().equals("person") ? names.get(row.actorId()) : null;
                    sink.row(row.id(), row.processId(), row.actorKind(), row.actorId(), name, row.itemKind(),
                            row.itemId(), row.consultationId(), row.position(), row.summary(), row.statedOn().toString(),
                            row.recordedAt(), RecordedAs.parse(row.recordedAs()).label(), row.current(),
                            JSON.writeValueAsString(evidence.getOrDefault(row.id(), List.of())));
                }
            }
        };
    }

    @Bean
    ExportSource proposalsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "proposals";
            }

            @Override
            public String description() {
                return "One row per named proposal of a process (an idea stances can be about that is not a paragraph of a draft).";
            }

            @Override
            public int order() {
                return 89;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the proposal (stances.item_id when item_kind is proposal)."),
                        ExportColumn.of("process_id", "The process (processes.id)."),
                        ExportColumn.of("name", "The proposal's name."),
                        ExportColumn.of("description", "What it proposes."),
                        ExportColumn.of("created_at", "When the secretariat named it."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select id, process_id, name, description, created_at from position_proposal
                        where deleted_at is null and (? or process_id = ?) order by id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), instant(rs.getTimestamp(5))));
            }
        };
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

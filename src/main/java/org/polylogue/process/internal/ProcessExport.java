package org.polylogue.process.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.polylogue.publishing.ExportedProcess;
import org.polylogue.publishing.ExportedProcesses;
import org.polylogue.shared.security.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The process module's part of the open data: processes, consultations, and which ids belong to a process. */
@Configuration(proxyBeanMethods = false)
class ProcessExport {

    @Bean
    ExportedProcesses exportedProcesses(JdbcClient jdbc, ProcessPermissions permissions) {
        return new ExportedProcesses() {
            @Override
            public List<ExportedProcess> all() {
                return processes(jdbc, null);
            }

            @Override
            public Optional<ExportedProcess> find(String slug) {
                return processes(jdbc, slug).stream().findFirst();
            }

            @Override
            public boolean canRun(Actor actor, String processId) {
                return permissions.canRun(actor, processId);
            }
        };
    }

    private static List<ExportedProcess> processes(JdbcClient jdbc, String slug) {
        record Row(String id, String slug, String title) {}
        var rows = jdbc.sql("select id, slug, title from process_process where (:slug::text is null or slug = :slug) "
                + "order by created_at, id").param("slug", slug).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> consultations = new LinkedHashMap<>();
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        jdbc.sql("select process_id, id, document_id from process_consultation").query((RowCallbackHandler) rs -> {
            consultations.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            documents.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(3));
        });
        return rows.stream().map(r -> new ExportedProcess(r.id(), r.slug(), r.title(),
                consultations.getOrDefault(r.id(), Set.of()), documents.getOrDefault(r.id(), Set.of()))).toList();
    }

    @Bean
    ExportSource processesExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "processes";
            }

            @Override
            public String description() {
                return "One row per policy process (an open-ended working group, a negotiation...), the frame of "
                        + "consultations.";
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the process."),
                        ExportColumn.of("slug", "Its name in URLs: /processes/{slug}."),
                        ExportColumn.of("title", "Its title."),
                        ExportColumn.of("summary", "What the process is about, as written by its administrators."),
                        ExportColumn.of("created_at", "When it was created on the platform."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("select id, slug, title, summary, created_at from process_process where ? or id = ? order by id")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), instant(rs, 5)));
            }
        };
    }

    @Bean
    ExportSource consultationsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "consultations";
            }

            @Override
            public String description() {
                return "One row per consultation: a draft document of a process open for comments during a window.";
            }

            @Override
            public int order() {
                return 20;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the consultation."),
                        ExportColumn.of("process_id", "The process it belongs to (processes.id)."),
                        ExportColumn.of("slug", "Its name in URLs: /consultations/{slug}."),
                        ExportColumn.of("title", "Its title."),
                        ExportColumn.of("opens_at", "When comments open."),
                        ExportColumn.of("closes_at", "When comments close."),
                        ExportColumn.of("document_id", "The draft document consulted on (versions.document_id)."),
                        ExportColumn.of("created_at", "When the consultation was announced."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select id, process_id, slug, title, opens_at, closes_at, document_id, created_at
                        from process_consultation where ? or process_id = ? order by id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), instant(rs, 5), instant(rs, 6), rs.getString(7), instant(rs, 8)));
            }
        };
    }

    static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}

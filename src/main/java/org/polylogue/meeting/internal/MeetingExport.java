package org.polylogue.meeting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting module's part of the open data: meetings as their public page shows them, and their
 * documents. Registrations and speakers' lists hold personal data and are never exported; a meeting
 * row carries only how many places are taken and how many people wait. Meetings standing alone (no
 * process) are in the whole-platform export only.
 */
@Configuration(proxyBeanMethods = false)
class MeetingExport {

    @Bean
    ExportSource meetingsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "meetings";
            }

            @Override
            public String description() {
                return "One row per meeting (formal session, informal consultation, roundtable, panel, webinar), cancelled ones included.";
            }

            @Override
            public int order() {
                return 85;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the meeting."),
                        ExportColumn.of("slug", "Its address: /meetings/{slug}."),
                        ExportColumn.of("process_id", "The process it belongs to (processes.id); empty for a meeting standing alone."),
                        ExportColumn.of("title", "The meeting's title."),
                        ExportColumn.of("kind", "The kind of meeting: FORMAL_SESSION, INFORMAL_CONSULTATION, ROUNDTABLE, PANEL or WEBINAR."),
                        ExportColumn.of("starts_at", "When it starts (UTC)."),
                        ExportColumn.of("ends_at", "When it ends (UTC)."),
                        ExportColumn.of("time_zone", "The IANA time zone it is held in."),
                        ExportColumn.of("place", "Where it is held in person; empty for an online meeting."),
                        ExportColumn.of("online_url", "The address to join online, as published on the meeting page; empty if none."),
                        ExportColumn.of("capacity", "The number of places; empty for no limit."),
                        ExportColumn.of("agenda", "The agenda (Markdown)."),
                        ExportColumn.of("registered", "How many people are registered (a count only: registrations are personal data)."),
                        ExportColumn.of("waiting", "How many people are on the waiting list (a count only)."),
                        ExportColumn.of("created_at", "When it was scheduled."),
                        ExportColumn.of("updated_at", "When it was last changed."),
                        ExportColumn.of("cancelled_at", "When the secretariat cancelled it; empty if not cancelled."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select m.id, m.slug, m.process_id, m.title, m.kind, m.starts_at, m.ends_at, m.time_zone, m.place,
                               m.online_url, m.capacity, m.agenda,
                               (select count(*) from meeting_registration r where r.meeting_id = m.id and r.status = 'REGISTERED'),
                               (select count(*) from meeting_registration r where r.meeting_id = m.id and r.status = 'WAITING'),
                               m.created_at, m.updated_at, m.cancelled_at
                        from meeting m where ? or m.process_id = ? order by m.starts_at, m.id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
                                instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getObject(11, Integer.class), rs.getString(12), rs.getLong(13), rs.getLong(14),
                                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)),
                                instant(rs.getTimestamp(17))));
            }
        };
    }

    @Bean
    ExportSource meetingDocumentsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "meeting_documents";
            }

            @Override
            public String description() {
                return "One row per document linked from a meeting's page (agenda papers, slides, reports).";
            }

            @Override
            public int order() {
                return 86;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the document link."),
                        ExportColumn.of("meeting_id", "The meeting (meetings.id)."),
                        ExportColumn.of("title", "The document's title."),
                        ExportColumn.of("url", "Where the document is published."),
                        ExportColumn.of("added_at", "When the secretariat added it."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select d.id, d.meeting_id, d.title, d.url, d.added_at
                        from meeting_document d join meeting m on m.id = d.meeting_id
                        where ? or m.process_id = ? order by d.meeting_id, d.added_at, d.id""")
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

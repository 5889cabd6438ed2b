package org.polylogue.amendment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.Moderation;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The amendment module's part of the open data: amendments with their published disposition (a
 * disposition the secretariat has not published yet is never exported), and the organisations'
 * supports. Hidden amendments keep their id, place and the moderators' notice, without author or
 * texts. People appear under their public name; account ids are never exported.
 */
@Configuration(proxyBeanMethods = false)
class AmendmentExport {

    private record Row(String id, String consultationId, String documentId, String paragraphId, String kind,
            String text, String rationale, int madeOnVersion, String accountId, String organizationId,
            Instant createdAt, String decision, String reason, String mergedInto, Instant decidedAt,
            Instant publishedAt) {}

    @Bean
    ExportSource amendmentsExport(JdbcClient jdbc, Accounts accounts, Moderation moderation) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "amendments";
            }

            @Override
            public String description() {
                return "One row per amendment proposed to a paragraph of a draft, with its published disposition.";
            }

            @Override
            public int order() {
                return 55;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the amendment: /consultations/{slug}/amendments/{id}."),
                        ExportColumn.of("consultation_id", "The consultation (consultations.id)."),
                        ExportColumn.of("document_id", "The draft document (versions.document_id)."),
                        ExportColumn.of("paragraph_id", "The paragraph amended (paragraphs.paragraph_id)."),
                        ExportColumn.of("kind", "REPLACE (new wording), INSERT_AFTER (a new paragraph after it) or DELETE."),
                        ExportColumn.of("text", "The proposed wording (Markdown); empty for DELETE and when hidden."),
                        ExportColumn.of("rationale", "Why the change is proposed; empty when hidden."),
                        ExportColumn.of("made_on_version", "The version of the draft it was proposed on (versions.number)."),
                        ExportColumn.of("author", "The proposer's public name (a pseudonym where the person chose one); empty when hidden."),
                        ExportColumn.of("organization_id", "The organisation it is proposed for (organizations.id); empty for a personal amendment or when hidden."),
                        ExportColumn.of("created_at", "When it was proposed."),
                        ExportColumn.of("disposition", "The secretariat's published decision (ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, MERGED); empty until published."),
                        ExportColumn.of("disposition_reason", "The secretariat's published reason; empty until published."),
                        ExportColumn.of("merged_into", "For MERGED: the amendment it was merged into (amendments.id)."),
                        ExportColumn.of("decided_at", "When the published decision was taken."),
                        ExportColumn.of("disposition_published_at", "When the decision was published."),
                        ExportColumn.of("hidden_rule", "When hidden by the moderators: the published rule applied; else empty."),
                        ExportColumn.of("hidden_reason", "When hidden: the moderators' public reason."),
                        ExportColumn.of("hidden_at", "When hidden: since when."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                var batch = new ExportBatch<Row>(ExportBatch.SIZE, rows -> emit(rows, sink));
                jdbc.sql("""
                        select a.id, a.consultation_id, a.document_id, a.paragraph_id, a.kind, a.text, a.rationale,
                               a.made_on_version, a.author_account_id, a.organization_id, a.created_at,
                               d.decision, d.reason, d.merged_into, d.decided_at, d.published_at
                        from amendment a
                        left join amendment_disposition d on d.input_kind = 'amendment' and d.input_id = a.id
                                                         and d.published_at is not null
                        where ? or a.consultation_id = any(?) order by a.id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.consultationIdArray())
                        .query((RowCallbackHandler) rs -> batch.add(new Row(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)),
                                rs.getString(12), rs.getString(13), rs.getString(14), instant(rs.getTimestamp(15)),
                                instant(rs.getTimestamp(16)))));
                batch.flush();
            }

            private void emit(List<Row> rows, ExportSink sink) {
                var hidden = moderation.hidden(AmendmentViews.KIND, rows.stream().map(Row::id).toList());
                var names = accounts.publicNames(rows.stream().map(Row::accountId).distinct().toList());
                for (Row row : rows) {
                    var notice = hidden.get(row.id());
                    if (notice != null) {
                        sink.row(row.id(), row.consultationId(), row.documentId(), row.paragraphId(), row.kind(), null,
                                null, row.madeOnVersion(), null, null, row.createdAt(), row.decision(), row.reason(),
                                row.mergedInto(), row.decidedAt(), row.publishedAt(), notice.ruleTitle(),
                                notice.reason(), notice.hiddenAt());
                        continue;
                    }
                    sink.row(row.id(), row.consultationId(), row.documentId(), row.paragraphId(), row.kind(), row.text(),
                            row.rationale(), row.madeOnVersion(), names.get(row.accountId()), row.organizationId(),
                            row.createdAt(), row.decision(), row.reason(), row.mergedInto(), row.decidedAt(),
                            row.publishedAt(), null, null, null);
                }
            }
        };
    }

    @Bean
    ExportSource amendmentSupportsExport(JdbcClient jdbc) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "amendment_supports";
            }

            @Override
            public String description() {
                return "One row per organisation supporting an amendment (withdrawn supports are gone).";
            }

            @Override
            public int order() {
                return 56;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("amendment_id", "The amendment supported (amendments.id); with organization_id, the row's id."),
                        ExportColumn.of("organization_id", "The supporting organisation (organizations.id)."),
                        ExportColumn.of("supported_at", "When the organisation declared its support."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                jdbc.sql("""
                        select s.amendment_id, s.organization_id, s.supported_at
                        from amendment_support s join amendment a on a.id = s.amendment_id
                        where ? or a.consultation_id = any(?) order by s.amendment_id, s.organization_id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.consultationIdArray())
                        .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2),
                                instant(rs.getTimestamp(3))));
            }
        };
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

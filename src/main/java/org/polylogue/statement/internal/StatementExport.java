package org.polylogue.statement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.polylogue.moderation.Moderation;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.polylogue.statement.JointStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Joint statements and their signatures as open data. Only statements opened for signing are public
 * (drafts and invitations are not exported); a hidden statement keeps its id and the notice, and its
 * signatures are left out while it is hidden.
 */
@Configuration(proxyBeanMethods = false)
class StatementExport {

    private record Statement(String id, String title, String body, String leadOrganizationId, String processId,
            String consultationId, String paragraphId, Instant openedAt, Instant closesAt, Instant closedAt) {}

    private record Signature(String id, String statementId, String organizationId, Instant signedAt,
            Instant withdrawnAt) {}

    @Bean
    ExportSource statementsExport(JdbcClient jdbc, Moderation moderation) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "statements";
            }

            @Override
            public String description() {
                return "One row per joint statement opened for signing: a text drafted for a lead organisation and "
                        + "signed by others.";
            }

            @Override
            public int order() {
                return 70;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the statement: /statements/{id}."),
                        ExportColumn.of("title", "Its title; empty when hidden."),
                        ExportColumn.of("body", "Its text (Markdown); empty when hidden."),
                        ExportColumn.of("lead_organization_id", "The organisation that leads it (organizations.id); empty when hidden."),
                        ExportColumn.of("process_id", "The process it addresses (processes.id), or empty."),
                        ExportColumn.of("consultation_id", "The consultation it addresses, or empty."),
                        ExportColumn.of("paragraph_id", "The paragraph it addresses, or empty."),
                        ExportColumn.of("signing_opened_at", "When it was opened for signing (published)."),
                        ExportColumn.of("signing_closes_at", "When signing is planned to close, or empty."),
                        ExportColumn.of("signing_closed_at", "When the lead closed signing (the text is final), or empty."),
                        ExportColumn.of("hidden_rule", "When hidden by the moderators: the published rule applied; else empty."),
                        ExportColumn.of("hidden_reason", "When hidden: the moderators' public reason."),
                        ExportColumn.of("hidden_at", "When hidden: since when."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                var batch = new ExportBatch<Statement>(ExportBatch.SIZE, rows -> {
                    var hidden = moderation.hidden(JointStatements.KIND, rows.stream().map(Statement::id).toList());
                    for (Statement s : rows) {
                        var notice = hidden.get(s.id());
                        if (notice != null) {
                            sink.row(s.id(), null, null, null, s.processId(), s.consultationId(), s.paragraphId(),
                                    s.openedAt(), s.closesAt(), s.closedAt(), notice.ruleTitle(), notice.reason(),
                                    notice.hiddenAt());
                        } else {
                            sink.row(s.id(), s.title(), s.body(), s.leadOrganizationId(), s.processId(),
                                    s.consultationId(), s.paragraphId(), s.openedAt(), s.closesAt(), s.closedAt(), null,
                                    null, null);
                        }
                    }
                });
                jdbc.sql("""
                        select id, title, body, lead_organization_id, process_id, consultation_id, paragraph_id,
                               signing_opened_at, signing_closes_at, signing_closed_at
                        from statement_statement where signing_opened_at is not null and (? or process_id = ?)
                        order by id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> batch.add(new Statement(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)))));
                batch.flush();
            }
        };
    }

    @Bean
    ExportSource signaturesExport(JdbcClient jdbc, Moderation moderation) {
        return new ExportSource() {
            @Override
            public String kind() {
                return "signatures";
            }

            @Override
            public String description() {
                return "One row per signing of a published joint statement by an organisation; a withdrawal dates "
                        + "the row and keeps it.";
            }

            @Override
            public int order() {
                return 80;
            }

            @Override
            public List<ExportColumn> columns() {
                return List.of(ExportColumn.of("id", "Stable id of the signature."),
                        ExportColumn.of("statement_id", "The statement signed (statements.id)."),
                        ExportColumn.of("organization_id", "The organisation that signed (organizations.id)."),
                        ExportColumn.of("signed_at", "When it signed."),
                        ExportColumn.of("withdrawn_at", "When it withdrew its signature; empty while it stands."));
            }

            @Override
            public void forEachRow(ExportScope scope, ExportSink sink) {
                var batch = new ExportBatch<Signature>(ExportBatch.SIZE, rows -> {
                    Set<String> hidden = moderation.hidden(JointStatements.KIND,
                            rows.stream().map(Signature::statementId).distinct().toList()).keySet();
                    rows.stream().filter(s -> !hidden.contains(s.statementId())).forEach(s -> sink.row(s.id(),
                            s.statementId(), s.organizationId(), s.signedAt(), s.withdrawnAt()));
                });
                jdbc.sql("""
                        select g.id, g.statement_id, g.organization_id, g.signed_at, g.withdrawn_at
                        from statement_signature g join statement_statement s on s.id = g.statement_id
                        where s.signing_opened_at is not null and (? or s.process_id = ?) order by g.id""")
                        .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                        .query((RowCallbackHandler) rs -> batch.add(new Signature(rs.getString(1), rs.getString(2),
                                rs.getString(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))));
                batch.flush();
            }
        };
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

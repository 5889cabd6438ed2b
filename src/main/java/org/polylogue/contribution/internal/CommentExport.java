package org.polylogue.contribution.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.Moderation;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments as open data. People appear under their public name (their pseudonym where they chose
 * one); hidden comments keep their place and the moderators' notice, without author or text.
 */
@Component
class CommentExport implements ExportSource {

    private record Row(String id, String consultationId, String paragraphId, int version, String accountId,
            String authorName, String organizationId, String organizationName, String stakeholderGroup,
            String country, String body, String source, Instant submittedAt, Instant editedAt) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Moderation moderation;

    CommentExport(JdbcClient jdbc, Accounts accounts, Moderation moderation) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return "comments";
    }

    @Override
    public String description() {
        return "One row per comment on a consultation, on one paragraph or on the whole document.";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<ExportColumn> columns() {
        return List.of(ExportColumn.of("id", "Stable id of the comment: /consultations/{slug}/comments/{id}."),
                ExportColumn.of("consultation_id", "The consultation (consultations.id)."),
                ExportColumn.of("paragraph_id", "The paragraph commented on (paragraphs.paragraph_id); empty for the whole document."),
                ExportColumn.of("version", "The version of the draft that was commented on (versions.number)."),
                ExportColumn.of("author", "The author's public name (a pseudonym where the person chose one), or the name given for comments received by mail or on paper."),
                ExportColumn.of("organization_id", "The organisation the comment speaks for (organizations.id); empty for a personal comment or an imported one."),
                ExportColumn.of("organization_name", "The organisation's name as declared with an imported comment; empty otherwise (see organizations.name)."),
                ExportColumn.of("stakeholder_group", "The organisation's stakeholder group when the comment was made (MEMBER_STATE, INTERGOVERNMENTAL, PRIVATE_SECTOR, CIVIL_SOCIETY, ACADEMIA, TECHNICAL_COMMUNITY)."),
                ExportColumn.of("country", "The organisation's country when the comment was made (ISO 3166-1 alpha-2)."),
                ExportColumn.of("body", "The text of the comment (Markdown) as it reads now; empty when hidden."),
                ExportColumn.of("source", "How it arrived: written on the platform, or imported by the secretariat."),
                ExportColumn.of("submitted_at", "When it was submitted."),
                ExportColumn.of("edited_at", "When its author last corrected it; empty if never."),
                ExportColumn.of("hidden_rule", "When hidden by the moderators: the published rule applied; else empty."),
                ExportColumn.of("hidden_reason", "When hidden: the moderators' public reason."),
                ExportColumn.of("hidden_at", "When hidden: since when."));
    }

    @Override
    public void forEachRow(ExportScope scope, ExportSink sink) {
        var batch = new ExportBatch<Row>(ExportBatch.SIZE, rows -> emit(rows, sink));
        jdbc.sql("""
                select id, consultation_id, paragraph_id, version, author_account_id, author_name, organization_id,
                       organization_name, stakeholder_group, country, body, source, submitted_at, edited_at
                from contribution_comment where ? or consultation_id = any(?) order by id""")
                .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.consultationIdArray())
                .query((RowCallbackHandler) rs -> batch.add(new Row(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getTimestamp(13).toInstant(),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant())));
        batch.flush();
    }

    private void emit(List<Row> rows, ExportSink sink) {
        var hidden = moderation.hidden(CommentModeration.KIND, rows.stream().map(Row::id).toList());
        var names = accounts.publicNames(rows.stream().map(Row::accountId).filter(Objects::nonNull).distinct().toList());
        for (Row row : rows) {
            var notice = hidden.get(row.id());
            if (notice != null) {
                sink.row(row.id(), row.consultationId(), row.paragraphId(), row.version(), null, null, null, null,
                        null, null, row.source(), row.submittedAt(), row.editedAt(), notice.ruleTitle(),
                        notice.reason(), notice.hiddenAt());
                continue;
            }
            String author = row.accountId() == null ? row.authorName() : names.get(row.accountId());
            sink.row(row.id(), row.consultationId(), row.paragraphId(), row.version(), author, row.organizationId(),
                    row.organizationName(), row.stakeholderGroup(), row.country(), row.body(), row.source(),
                    row.submittedAt(), row.editedAt(), null, null, null);
        }
    }
}

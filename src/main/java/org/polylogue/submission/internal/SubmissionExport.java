package org.polylogue.submission.internal;

import java.time.Instant;
import java.util.List;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.Moderation;
import org.polylogue.publishing.ExportBatch;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.polylogue.submission.Submissions;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Written submissions as open data: their description and the text extracted from the file (the
 * files themselves stay on the platform). Hidden submissions keep their place and the notice only.
 */
@Component
class SubmissionExport implements ExportSource {

    private record Row(String id, String consultationId, String accountId, String organizationId, String title,
            String summary, String fileName, String mediaType, long sizeBytes, String sha256, Integer pageCount,
            String language, Instant submittedAt, String text, boolean truncated) {}

    /** Small: one extracted text may hold up to two million characters. */
    private static final int BATCH = 10;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Moderation moderation;

    SubmissionExport(JdbcClient jdbc, Accounts accounts, Moderation moderation) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return "submissions";
    }

    @Override
    public String description() {
        return "One row per written submission (a file uploaded to a consultation) with the text extracted from it.";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<ExportColumn> columns() {
        return List.of(ExportColumn.of("id", "Stable id of the submission: /consultations/{slug}/submissions/{id}."),
                ExportColumn.of("consultation_id", "The consultation (consultations.id)."),
                ExportColumn.of("author", "The public name of the person who uploaded it. Hidden submissions keep only id, consultation_id, submitted_at and the notice."),
                ExportColumn.of("organization_id", "The organisation it was submitted for (organizations.id), or empty."),
                ExportColumn.of("title", "Its title; empty when hidden."),
                ExportColumn.of("summary", "The summary given with it; empty when hidden."),
                ExportColumn.of("file_name", "The name of the uploaded file; empty when hidden."),
                ExportColumn.of("media_type", "The file's type as detected from its content, e.g. application/pdf."),
                ExportColumn.of("size_bytes", "The file's size in bytes."),
                ExportColumn.of("sha256", "SHA-256 of the file's bytes (hexadecimal), to check a copy."),
                ExportColumn.of("page_count", "Pages of the document where known."),
                ExportColumn.of("language", "Language detected in the text (ISO 639-1), where known."),
                ExportColumn.of("submitted_at", "When it was uploaded."),
                ExportColumn.of("extracted_text", "The plain text extracted from the file; empty when hidden."),
                ExportColumn.of("text_truncated", "true when the file held more text than the platform keeps."),
                ExportColumn.of("hidden_rule", "When hidden by the moderators: the published rule applied; else empty."),
                ExportColumn.of("hidden_reason", "When hidden: the moderators' public reason."),
                ExportColumn.of("hidden_at", "When hidden: since when."));
    }

    @Override
    public void forEachRow(ExportScope scope, ExportSink sink) {
        var batch = new ExportBatch<Row>(BATCH, rows -> emit(rows, sink));
        jdbc.sql("""
                select id, consultation_id, author_account_id, organization_id, title, summary, file_name, media_type,
                       size_bytes, sha256, page_count, language, submitted_at, extracted_text, text_truncated
                from submission_submission where ? or consultation_id = any(?) order by id""")
                .withFetchSize(BATCH).param(scope.isEverything()).param(scope.consultationIdArray())
                .query((RowCallbackHandler) rs -> batch.add(new Row(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), rs.getString(10), (Integer) rs.getObject(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getBoolean(15))));
        batch.flush();
    }

    private void emit(List<Row> rows, ExportSink sink) {
        var hidden = moderation.hidden(Submissions.KIND, rows.stream().map(Row::id).toList());
        var names = accounts.publicNames(rows.stream().map(Row::accountId).distinct().toList());
        for (Row row : rows) {
            var notice = hidden.get(row.id());
            if (notice != null) {
                sink.row(row.id(), row.consultationId(), null, null, null, null, null, null, null, null, null,
                        null, row.submittedAt(), null, null, notice.ruleTitle(), notice.reason(), notice.hiddenAt());
                continue;
            }
            sink.row(row.id(), row.consultationId(), names.get(row.accountId()), row.organizationId(), row.title(),
                    row.summary(), row.fileName(), row.mediaType(), row.sizeBytes(), row.sha256(), row.pageCount(),
                    row.language(), row.submittedAt(), row.text(), row.truncated(), null, null, null);
        }
    }
}

package org.polylogue.submission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubmissionRepository {

    private static final String COLUMNS = """
            id, consultation_id, author_account_id, organization_id, title, summary, file_name, media_type,
            size_bytes, sha256, page_count, extracted_text, text_truncated, language, submitted_at""";
    /** Lists leave the text out. */
    private static final String LIST_COLUMNS = COLUMNS.replace("extracted_text", "'' as extracted_text");

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SubmissionRow row) {
        jdbc.sql("insert into submission_submission (" + COLUMNS + ") values (:id, :consultation, :author, "
                + ":organization, :title, :summary, :fileName, :mediaType, :size, :sha256, :pages, :text, :truncated, "
                + ":language, :submitted)")
                .param("id", row.id()).param("consultation", row.consultationId())
                .param("author", row.authorAccountId()).param("organization", row.organizationId())
                .param("title", row.title()).param("summary", row.summary()).param("fileName", row.fileName())
                .param("mediaType", row.mediaType()).param("size", row.sizeBytes()).param("sha256", row.sha256())
                .param("pages", row.pageCount()).param("text", row.text()).param("truncated", row.textTruncated())
                .param("language", row.language()).param("submitted", Timestamp.from(row.submittedAt())).update();
    }

    public Optional<SubmissionRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from submission_submission where id = :id").param("id", id)
                .query(SubmissionRepository::row).optional();
    }

    /** Up to {@code limit} submissions with ids after {@code afterId} (null: from the first), by id: for a full reindex. */
    public List<SubmissionRow> batchAfter(String afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from submission_submission where id > :after order by id limit :limit")
                .param("after", afterId == null ? "" : afterId).param("limit", limit).query(SubmissionRepository::row)
                .list();
    }

    public List<SubmissionRow> ofConsultation(String consultationId, int limit, long offset) {
        return jdbc.sql("select " + LIST_COLUMNS + " from submission_submission where consultation_id = :c "
                + "order by submitted_at, id limit :limit offset :offset").param("c", consultationId)
                .param("limit", limit).param("offset", offset).query(SubmissionRepository::row).list();
    }

    public long count(String consultationId) {
        return jdbc.sql("select count(*) from submission_submission where consultation_id = :c")
                .param("c", consultationId).query(Long.class).single();
    }

    private static SubmissionRow row(ResultSet rs, int n) throws SQLException {
        return new SubmissionRow(rs.getString("id"), rs.getString("consultation_id"),
                rs.getString("author_account_id"), rs.getString("organization_id"), rs.getString("title"),
                rs.getString("summary"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), (Integer) rs.getObject("page_count"),
                rs.getString("extracted_text"), rs.getBoolean("text_truncated"), rs.getString("language"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}

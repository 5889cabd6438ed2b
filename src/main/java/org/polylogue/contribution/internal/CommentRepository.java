package org.polylogue.contribution.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CommentRepository {

    private static final String COLUMNS = """
            id, consultation_id, paragraph_id, version, author_account_id, author_name, organization_id,
            organization_name, stakeholder_group, country, body, body_html, source, submitted_at""";
    private static final String READ = COLUMNS + ", edited_at";
    private static final int CHANGE_SHARDS = 16;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CommentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(CommentRow row) {
        jdbc.sql("insert into contribution_comment (" + COLUMNS + ", created_at) values (:id, :consultation, "
                + ":paragraph, :version, :account, :authorName, :organization, :organizationName, :group, :country, "
                + ":body, :html, :source, :submitted, now())")
                .param("id", row.id()).param("consultation", row.consultationId()).param("paragraph", row.paragraphId())
                .param("version", row.version()).param("account", row.authorAccountId())
                .param("authorName", row.authorName()).param("organization", row.organizationId())
                .param("organizationName", row.organizationName()).param("group", row.stakeholderGroup())
                .param("country", row.country()).param("body", row.body()).param("html", row.bodyHtml())
                .param("source", row.source()).param("submitted", Timestamp.from(row.submittedAt())).update();
    }

    /** Inserts imported comments, skipping external ids already imported; returns how many were new. */
    public int insertImported(List<CommentRow> rows, List<String> externalIds) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            args.add(new Object[] {row.id(), row.consultationId(), row.paragraphId(), row.version(), row.authorName(),
                row.organizationName(), row.stakeholderGroup(), row.country(), row.body(), row.bodyHtml(),
                Timestamp.from(row.submittedAt()), externalIds.get(i)});
        }
        int[][] counts = template.batchUpdate("""
                insert into contribution_comment (id, consultation_id, paragraph_id, version, author_name,
                    organization_name, stakeholder_group, country, body, body_html, source, submitted_at, external_id,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, now())
                on conflict (consultation_id, external_id) where external_id is not null do nothing""", args, 500,
                (ps, a) -> {
                    for (int i = 0; i < a.length; i++) {
                        ps.setObject(i + 1, a[i]);
                    }
                });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }

    /** Which of these comment ids exist. */
    public Set<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from contribution_comment where id = any(:ids)")
                .param("ids", ids.toArray(String[]::new)).query(String.class).list());
    }

    /** Up to {@code limit} comments with ids after {@code afterId} (null: from the first), by id: for a full reindex. */
    public List<CommentRow> batchAfter(String afterId, int limit) {
        return jdbc.sql("select " + READ + " from contribution_comment where id > :after order by id limit :limit")
                .param("after", afterId == null ? "" : afterId).param("limit", limit).query(CommentRepository::row)
                .list();
    }

    /** A comment by its id alone. */
    public java.util.Optional<CommentRow> findById(String id) {
        return jdbc.sql("select " + READ + " from contribution_comment where id = :id").param("id", id)
                .query(CommentRepository::row).optional();
    }

    /** One comment of a consultation. */
    public java.util.Optional<CommentRow> find(String consultationId, String id) {
        return jdbc.sql("select " + READ + " from contribution_comment where consultation_id = :c and id = :id")
                .param("c", consultationId).param("id", id).query(CommentRepository::row).optional();
    }

    public Set<String> existingExternalIds(String consultationId, Collection<String> externalIds) {
        return new java.util.HashSet<>(jdbc.sql("""
                select external_id from contribution_comment where consultation_id = :c and external_id = any(:ids)""")
                .param("c", consultationId).param("ids", externalIds.toArray(String[]::new)).query(String.class).list());
    }

    /** Comments of a consultation (all, or of one paragraph, or on the whole document), oldest first. */
    public List<CommentRow> page(String consultationId, Scope scope, String paragraphId, int limit, long offset) {
        return jdbc.sql("select " + READ + " from contribution_comment where consultation_id = :c " + scope.sql
                + " order by submitted_at, id limit :limit offset :offset")
                .param("c", consultationId).param("p", paragraphId).param("limit", limit).param("offset", offset)
                .query(CommentRepository::row).list();
    }

    public long count(String consultationId, Scope scope, String paragraphId) {
        return jdbc.sql("select count(*) from contribution_comment where consultation_id = :c " + scope.sql)
                .param("c", consultationId).param("p", paragraphId).query(Long.class).single();
    }

    /** Which comments a list shows. */
    public enum Scope {
        ALL(""),
        PARAGRAPH("and paragraph_id = :p"),
        DOCUMENT("and paragraph_id is null");

        private final String sql;

        Scope(String sql) {
            this.sql = sql;
        }
    }

    /** Every comment of a consultation, oldest first, streamed from the database in batches. */
    public void forEach(String consultationId, java.util.function.Consumer<CommentRow> each) {
        template.query(con -> {
            var statement = con.prepareStatement("select " + READ + " from contribution_comment where consultation_id = ?"
                    + " order by submitted_at, id");
            statement.setFetchSize(1_000);
            statement.setString(1, consultationId);
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(row(rs, 0)));
    }

    /** Number of comments per paragraph (key null: on the whole document). */
    public Map<String, Integer> countsByParagraph(String consultationId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select paragraph_id, count(*) from contribution_comment where consultation_id = :c group by paragraph_id")
                .param("c", consultationId).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /**
     * The first {@code perParagraph} comments of every paragraph and of the whole document, in one
     * query. Each part reads the first rows of its paragraph from the index in order, so the cost
     * does not grow with the number of comments.
     */
    public List<CommentRow> firstPerParagraph(String consultationId, List<String> paragraphIds, int perParagraph) {
        return jdbc.sql("""
                select c.* from unnest(:paragraphs::text[]) as k(paragraph)
                cross join lateral (
                    select %1$s from contribution_comment
                    where consultation_id = :c and paragraph_id = k.paragraph
                    order by submitted_at, id limit :n) c
                union all
                (select %1$s from contribution_comment
                 where consultation_id = :c and paragraph_id is null
                 order by submitted_at, id limit :n)""".formatted(READ))
                .param("paragraphs", paragraphIds.toArray(String[]::new)).param("c", consultationId)
                .param("n", perParagraph).query(CommentRepository::row).list();
    }

    /**
     * Counts a change to the comments of a consultation (a comment added, imported, hidden...), so
     * that pages built from them can tell they are stale. Call it last in the transaction that makes
     * the change: it locks one of {@link #CHANGE_SHARDS} rows of the consultation until the commit,
     * and many writers share the rows instead of queueing for one.
     */
    public void recordChange(String consultationId) {
        jdbc.sql("""
                insert into contribution_comment_change (consultation_id, shard, changes) values (:c, :shard, 1)
                on conflict (consultation_id, shard) do update set changes = contribution_comment_change.changes + 1""")
                .param("c", consultationId).param("shard", ThreadLocalRandom.current().nextInt(CHANGE_SHARDS))
                .update();
    }

    /** The consultations where the person commented. */
    public List<String> consultationsOfAuthor(String accountId) {
        return jdbc.sql("select distinct consultation_id from contribution_comment where author_account_id = :a")
                .param("a", accountId).query(String.class).list();
    }

    /** The consultations where someone commented for the organisation. */
    public List<String> consultationsOfOrganization(String organizationId) {
        return jdbc.sql("select distinct consultation_id from contribution_comment where organization_id = :o")
                .param("o", organizationId).query(String.class).list();
    }

    /** How many changes the comments of a consultation have had; grows with every committed change. */
    public long changes(String consultationId) {
        return jdbc.sql("select coalesce(sum(changes), 0) from contribution_comment_change where consultation_id = :c")
                .param("c", consultationId).query(Long.class).single();
    }

    /** The newest comments of a consultation, newest first. */
    public List<CommentRow> newest(String consultationId, int limit) {
        return jdbc.sql("select " + READ + " from contribution_comment where consultation_id = :c "
                + "order by submitted_at desc, id desc limit :limit")
                .param("c", consultationId).param("limit", limit).query(CommentRepository::row).list();
    }

    public List<CommentRow> byOrganization(String organizationId, int limit) {
        return jdbc.sql("select " + READ + " from contribution_comment where organization_id = :o "
                + "order by submitted_at desc, id limit :limit")
                .param("o", organizationId).param("limit", limit).query(CommentRepository::row).list();
    }

    public List<CommentRow> byAuthor(String accountId, int limit, long offset) {
        return jdbc.sql("select " + READ + " from contribution_comment where author_account_id = :a "
                + "order by submitted_at desc, id limit :limit offset :offset")
                .param("a", accountId).param("limit", limit).param("offset", offset).query(CommentRepository::row).list();
    }

    public long countByAuthor(String accountId) {
        return jdbc.sql("select count(*) from contribution_comment where author_account_id = :a").param("a", accountId)
                .query(Long.class).single();
    }

    static CommentRow row(ResultSet rs, int n) throws SQLException {
        return new CommentRow(rs.getString("id"), rs.getString("consultation_id"), rs.getString("paragraph_id"),
                rs.getInt("version"), rs.getString("author_account_id"), rs.getString("author_name"),
                rs.getString("organization_id"), rs.getString("organization_name"), rs.getString("stakeholder_group"),
                rs.getString("country"), rs.getString("body"), rs.getString("body_html"), rs.getString("source"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("edited_at") == null ? null : rs.getTimestamp("edited_at").toInstant());
    }

    /** Replaces a comment's text, keeping the one it replaces as a numbered revision. */
    public void replaceBody(CommentRow current, String body, String bodyHtml, Instant now) {
        int revision = jdbc.sql("select count(*) + 1 from contribution_comment_revision where comment_id = :id")
                .param("id", current.id()).query(Integer.class).single();
        jdbc.sql("""
                insert into contribution_comment_revision (comment_id, revision, body, written_at, replaced_at)
                values (:id, :revision, :body, :written, :now)""")
                .param("id", current.id()).param("revision", revision).param("body", current.body())
                .param("written", Timestamp.from(current.editedAt() == null ? current.submittedAt() : current.editedAt()))
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("update contribution_comment set body = :body, body_html = :html, edited_at = :now where id = :id")
                .param("body", body).param("html", bodyHtml).param("now", Timestamp.from(now)).param("id", current.id())
                .update();
    }

    /** Earlier texts of a comment, oldest first. */
    public List<Revision> revisions(String commentId) {
        return jdbc.sql("select revision, body, written_at, replaced_at from contribution_comment_revision "
                + "where comment_id = :id order by revision").param("id", commentId)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** An earlier text of a comment. */
    public record Revision(int revision, String body, Instant writtenAt, Instant replacedAt) {}

    /** Locks the comment row for an edit (two edits at once keep both texts in order). */
    public java.util.Optional<CommentRow> findForUpdate(String consultationId, String id) {
        return jdbc.sql("select " + READ + " from contribution_comment where consultation_id = :c and id = :id for update")
                .param("c", consultationId).param("id", id).query(CommentRepository::row).optional();
    }
}

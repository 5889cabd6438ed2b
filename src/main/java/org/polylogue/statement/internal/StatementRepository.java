package org.polylogue.statement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StatementRepository {

    /** A statement as stored. */
    public record StatementRow(String id, String title, String body, String bodyHtml, String leadOrganizationId,
            String createdBy, Instant createdAt, Instant updatedAt, String processId, String consultationId,
            String paragraphId, String joinToken, Instant signingOpenedAt, Instant signingClosesAt,
            Instant signingClosedAt) {}

    public record SignatureRow(String id, String statementId, String organizationId, String signedBy, Instant signedAt,
            String withdrawnBy, Instant withdrawnAt) {}

    public record InvitationRow(String statementId, String organizationId, String invitedBy, Instant invitedAt) {}

    private final JdbcClient jdbc;

    StatementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes to one statement until the transaction ends. */
    public void lock(String statementId) {
        jdbc.sql("select id from statement_statement where id = :id for update").param("id", statementId)
                .query(String.class).optional();
    }

    public void insert(StatementRow row) {
        jdbc.sql("""
                insert into statement_statement (id, title, body, body_html, lead_organization_id, created_by, created_at,
                    updated_at, process_id, consultation_id, paragraph_id, join_token)
                values (:id, :title, :body, :html, :lead, :by, :at, :at, :process, :consultation, :paragraph, :token)""")
                .param("id", row.id()).param("title", row.title()).param("body", row.body())
                .param("html", row.bodyHtml()).param("lead", row.leadOrganizationId()).param("by", row.createdBy())
                .param("at", Timestamp.from(row.createdAt())).param("process", row.processId())
                .param("consultation", row.consultationId()).param("paragraph", row.paragraphId())
                .param("token", row.joinToken()).update();
    }

    public void updateText(String id, String title, String body, String bodyHtml, Instant now) {
        jdbc.sql("update statement_statement set title = :title, body = :body, body_html = :html, updated_at = :now"
                + " where id = :id").param("id", id).param("title", title).param("body", body).param("html", bodyHtml)
                .param("now", Timestamp.from(now)).update();
    }

    public void openSigning(String id, Instant now, Instant closesAt) {
        jdbc.sql("update statement_statement set signing_opened_at = :now, signing_closes_at = :closes where id = :id")
                .param("id", id).param("now", Timestamp.from(now))
                .param("closes", closesAt == null ? null : Timestamp.from(closesAt)).update();
    }

    public void closeSigning(String id, Instant now) {
        jdbc.sql("update statement_statement set signing_closed_at = :now where id = :id").param("id", id)
                .param("now", Timestamp.from(now)).update();
    }

    public Optional<StatementRow> find(String id) {
        return jdbc.sql("select * from statement_statement where id = :id").param("id", id)
                .query(StatementRepository::statement).optional();
    }

    /** Up to {@code limit} statements with ids after {@code afterId} (null: from the first), by id: for a full reindex. */
    public List<StatementRow> batchAfter(String afterId, int limit) {
        return jdbc.sql("select * from statement_statement where id > :after order by id limit :limit")
                .param("after", afterId == null ? "" : afterId).param("limit", limit)
                .query(StatementRepository::statement).list();
    }

    /** Statements open or closed for signing (drafts are not public), newest opened first. */
    public List<StatementRow> published(long offset, int limit) {
        return jdbc.sql("""
                select * from statement_statement where signing_opened_at is not null
                order by signing_opened_at desc, id limit :limit offset :offset""")
                .param("limit", limit).param("offset", offset).query(StatementRepository::statement).list();
    }

    public long countPublished() {
        return jdbc.sql("select count(*) from statement_statement where signing_opened_at is not null")
                .query(Long.class).single();
    }

    /** Drafts of these lead organisations, newest first (for their representatives). */
    public List<StatementRow> draftsOf(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from statement_statement where signing_opened_at is null and lead_organization_id = any(:ids)
                order by created_at desc""").param("ids", organizationIds.toArray(String[]::new))
                .query(StatementRepository::statement).list();
    }

    public List<SignatureRow> signatures(String statementId) {
        return signatures(List.of(statementId));
    }

    /** The signatures of these statements, oldest first. */
    public List<SignatureRow> signatures(Collection<String> statementIds) {
        if (statementIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from statement_signature where statement_id = any(:ids) order by signed_at, id")
                .param("ids", statementIds.toArray(String[]::new))
                .query((rs, n) -> new SignatureRow(rs.getString("id"), rs.getString("statement_id"),
                        rs.getString("organization_id"), rs.getString("signed_by"), instant(rs, "signed_at"),
                        rs.getString("withdrawn_by"), instant(rs, "withdrawn_at")))
                .list();
    }

    public void insertSignature(String id, String statementId, String organizationId, String accountId, Instant now) {
        jdbc.sql("""
                insert into statement_signature (id, statement_id, organization_id, signed_by, signed_at)
                values (:id, :statement, :organization, :by, :now)""").param("id", id).param("statement", statementId)
                .param("organization", organizationId).param("by", accountId).param("now", Timestamp.from(now))
                .update();
    }

    /** Dates the current signature of the organisation as withdrawn; false when there was none. */
    public boolean withdraw(String statementId, String organizationId, String accountId, Instant now) {
        return jdbc.sql("""
                update statement_signature set withdrawn_at = :now, withdrawn_by = :by
                where statement_id = :statement and organization_id = :organization and withdrawn_at is null""")
                .param("statement", statementId).param("organization", organizationId).param("by", accountId)
                .param("now", Timestamp.from(now)).update() > 0;
    }

    public List<InvitationRow> invitations(String statementId) {
        return jdbc.sql("select * from statement_invitation where statement_id = :id order by invited_at")
                .param("id", statementId)
                .query((rs, n) -> new InvitationRow(rs.getString("statement_id"), rs.getString("organization_id"),
                        rs.getString("invited_by"), instant(rs, "invited_at")))
                .list();
    }

    /** False when the organisation was already invited. */
    public boolean invite(String statementId, String organizationId, String accountId, Instant now) {
        return jdbc.sql("""
                insert into statement_invitation (statement_id, organization_id, invited_by, invited_at)
                values (:statement, :organization, :by, :now) on conflict do nothing""")
                .param("statement", statementId).param("organization", organizationId).param("by", accountId)
                .param("now", Timestamp.from(now)).update() > 0;
    }

    private static StatementRow statement(ResultSet rs, int n) throws SQLException {
        return new StatementRow(rs.getString("id"), rs.getString("title"), rs.getString("body"),
                rs.getString("body_html"), rs.getString("lead_organization_id"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("process_id"),
                rs.getString("consultation_id"), rs.getString("paragraph_id"), rs.getString("join_token"),
                instant(rs, "signing_opened_at"), instant(rs, "signing_closes_at"), instant(rs, "signing_closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

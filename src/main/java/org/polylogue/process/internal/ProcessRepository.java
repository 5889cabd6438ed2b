package org.polylogue.process.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.ProcessRole;
import org.polylogue.process.ProcessView;
import org.polylogue.process.RoleHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProcessRepository {

    private static final String CONSULTATION = """
            select c.id, c.slug, c.title, c.process_id, p.slug as process_slug, p.title as process_title,
                   c.opens_at, c.closes_at, c.document_id
            from process_consultation c join process_process p on p.id = c.process_id
            """;

    private final JdbcClient jdbc;

    ProcessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertProcess(String id, String slug, String title, String summary, String createdBy, Instant now) {
        jdbc.sql("""
                insert into process_process (id, slug, title, summary, created_by, created_at)
                values (:id, :slug, :title, :summary, :by, :now)""")
                .param("id", id).param("slug", slug).param("title", title).param("summary", summary)
                .param("by", createdBy).param("now", Timestamp.from(now)).update();
    }

    public void addSecretariat(String processId, String accountId) {
        jdbc.sql("insert into process_secretariat (process_id, account_id) values (:p, :a) on conflict do nothing")
                .param("p", processId).param("a", accountId).update();
    }

    /** Adds a role holder; false when they already hold it. */
    public boolean appoint(String processId, ProcessRole role, String accountId, String appointedBy, Instant now) {
        return jdbc.sql("insert into " + table(role) + """
                 (process_id, account_id, appointed_by, appointed_at) values (:p, :a, :by, :now)
                on conflict do nothing""")
                .param("p", processId).param("a", accountId).param("by", appointedBy)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Removes a role holder; false when they did not hold it. */
    public boolean remove(String processId, ProcessRole role, String accountId) {
        return jdbc.sql("delete from " + table(role) + " where process_id = :p and account_id = :a")
                .param("p", processId).param("a", accountId).update() == 1;
    }

    /** Locks the process row, so that two removals cannot both leave it without a secretariat. */
    public void lockProcess(String processId) {
        jdbc.sql("select id from process_process where id = :p for update").param("p", processId)
                .query(String.class).single();
    }

    public int count(String processId, ProcessRole role) {
        return jdbc.sql("select count(*) from " + table(role) + " where process_id = :p").param("p", processId)
                .query(Integer.class).single();
    }

    /** Holders of a role, in order of appointment; names are filled in by the caller. */
    public List<RoleHolder> holders(String processId, ProcessRole role) {
        return jdbc.sql("select account_id, appointed_at from " + table(role)
                + " where process_id = :p order by appointed_at, account_id").param("p", processId)
                .query((rs, n) -> new RoleHolder(role, rs.getString(1), null, rs.getTimestamp(2).toInstant())).list();
    }

    public boolean isModerator(String processId, String accountId) {
        return jdbc.sql("select exists(select 1 from process_moderator where process_id = :p and account_id = :a)")
                .param("p", processId).param("a", accountId).query(Boolean.class).single();
    }

    private static String table(ProcessRole role) {
        return switch (role) {
            case SECRETARIAT -> "process_secretariat";
            case MODERATOR -> "process_moderator";
        };
    }

    public boolean isSecretariat(String processId, String accountId) {
        return jdbc.sql("select exists(select 1 from process_secretariat where process_id = :p and account_id = :a)")
                .param("p", processId).param("a", accountId).query(Boolean.class).single();
    }

    public Optional<ProcessView> findProcess(String slug) {
        return jdbc.sql("select id, slug, title, summary, created_at from process_process where slug = :slug")
                .param("slug", slug).query(ProcessRepository::process).optional();
    }

    public Optional<ProcessView> findProcessById(String id) {
        return jdbc.sql("select id, slug, title, summary, created_at from process_process where id = :id")
                .param("id", id).query(ProcessRepository::process).optional();
    }

    public List<ProcessView> allProcesses() {
        return jdbc.sql("select id, slug, title, summary, created_at from process_process order by created_at desc")
                .query(ProcessRepository::process).list();
    }

    public boolean consultationSlugTaken(String slug) {
        return jdbc.sql("select exists(select 1 from process_consultation where slug = :slug)").param("slug", slug)
                .query(Boolean.class).single();
    }

    public void insertConsultation(String id, String processId, String slug, String title, Instant opensAt,
            Instant closesAt, String documentId, Instant now) {
        jdbc.sql("""
                insert into process_consultation (id, process_id, slug, title, opens_at, closes_at, document_id, created_at)
                values (:id, :process, :slug, :title, :opens, :closes, :document, :now)""")
                .param("id", id).param("process", processId).param("slug", slug).param("title", title)
                .param("opens", Timestamp.from(opensAt)).param("closes", Timestamp.from(closesAt))
                .param("document", documentId).param("now", Timestamp.from(now)).update();
    }

    public void changeWindow(String id, Instant opensAt, Instant closesAt) {
        jdbc.sql("update process_consultation set opens_at = :opens, closes_at = :closes where id = :id")
                .param("id", id).param("opens", Timestamp.from(opensAt)).param("closes", Timestamp.from(closesAt))
                .update();
    }

    public Optional<ConsultationView> findConsultation(String slug, Instant now) {
        return jdbc.sql(CONSULTATION + " where c.slug = :slug").param("slug", slug).query(consultation(now)).optional();
    }

    public Optional<ConsultationView> findConsultationById(String id, Instant now) {
        return jdbc.sql(CONSULTATION + " where c.id = :id").param("id", id).query(consultation(now)).optional();
    }

    /** The consultation on a draft document (each document belongs to one consultation). */
    public Optional<ConsultationView> findConsultationByDocument(String documentId, Instant now) {
        return jdbc.sql(CONSULTATION + " where c.document_id = :document").param("document", documentId)
                .query(consultation(now)).optional();
    }

    public Map<String, ConsultationView> findConsultations(Collection<String> ids, Instant now) {
        Map<String, ConsultationView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(CONSULTATION + " where c.id = any(:ids)").param("ids", ids.toArray(String[]::new))
                    .query(consultation(now)).list().forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    public List<ConsultationView> openAndUpcoming(Instant now) {
        return jdbc.sql(CONSULTATION + " where c.closes_at > :now order by c.closes_at, c.title")
                .param("now", Timestamp.from(now)).query(consultation(now)).list();
    }

    /** The newest consultations of every process, most recently created first, with when each was created. */
    public List<Map.Entry<ConsultationView, Instant>> newestConsultations(int limit, Instant now) {
        var view = consultation(now);
        return jdbc.sql(CONSULTATION.replace("c.document_id", "c.document_id, c.created_at")
                + " order by c.created_at desc, c.id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> Map.entry(view.mapRow(rs, n), rs.getTimestamp("created_at").toInstant())).list();
    }

    public List<ConsultationView> consultationsOf(String processId, Instant now) {
        return jdbc.sql(CONSULTATION + " where c.process_id = :process order by c.opens_at desc")
                .param("process", processId).query(consultation(now)).list();
    }

    private static ProcessView process(ResultSet rs, int n) throws SQLException {
        return new ProcessView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    private static RowMapper<ConsultationView> consultation(Instant now) {
        return (rs, n) -> {
            Instant opens = rs.getTimestamp("opens_at").toInstant();
            Instant closes = rs.getTimestamp("closes_at").toInstant();
            return new ConsultationView(rs.getString("id"), rs.getString("slug"), rs.getString("title"),
                    rs.getString("process_id"), rs.getString("process_slug"), rs.getString("process_title"), opens,
                    closes, rs.getString("document_id"), ConsultationStatus.of(opens, closes, now));
        };
    }
}

package org.polylogue.synthesis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.synthesis.JobState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The synthesis_job table. */
@Repository
public class JobRepository {

    /** A job as stored. */
    public record JobRow(String id, String consultationId, String kind, JobState state, int progress, String message,
            Integer inputs, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt, Instant heartbeatAt) {}

    private static final String COLUMNS = """
            id, consultation_id, kind, state, progress, message, inputs, attempts, created_at, started_at, finished_at,
            heartbeat_at""";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String consultationId, String kind, String requestedBy, Instant now, Instant notBefore) {
        jdbc.sql("""
                insert into synthesis_job (id, consultation_id, kind, state, requested_by, created_at, not_before, message)
                values (:id, :c, :kind, 'QUEUED', :by, :now, :notBefore, 'Waiting for a free worker')""")
                .param("id", id).param("c", consultationId).param("kind", kind).param("by", requestedBy)
                .param("now", Timestamp.from(now)).param("notBefore", Timestamp.from(notBefore)).update();
    }

    /** A queued job becomes due now (and a full analysis when {@code full}). */
    public void dueNow(String id, boolean full, Instant now) {
        jdbc.sql("update synthesis_job set kind = case when :full then 'full' else kind end, "
                + "not_before = least(not_before, :now) where id = :id and state = 'QUEUED'").param("id", id)
                .param("full", full).param("now", Timestamp.from(now)).update();
    }

    public Optional<JobRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from synthesis_job where id = :id").param("id", id)
                .query(JobRepository::row).optional();
    }

    /** The queued or running job of a consultation, if any. */
    public Optional<JobRow> pending(String consultationId) {
        return jdbc.sql("select " + COLUMNS + " from synthesis_job where consultation_id = :c and state in "
                + "('QUEUED', 'RUNNING') order by created_at limit 1").param("c", consultationId)
                .query(JobRepository::row).optional();
    }

    public Optional<JobRow> latest(String consultationId) {
        return jdbc.sql("select " + COLUMNS + " from synthesis_job where consultation_id = :c order by created_at desc "
                + "limit 1").param("c", consultationId).query(JobRepository::row).optional();
    }

    /**
     * Claims the oldest due queued job for this node, skipping rows other nodes hold, and marks it
     * running; at most one running job per consultation.
     */
    public Optional<JobRow> claim(String node, Instant now) {
        return jdbc.sql("""
                update synthesis_job set state = 'RUNNING', node = :node, started_at = :now, heartbeat_at = :now,
                    attempts = attempts + 1, progress = 0, message = 'Started'
                where id = (
                    select j.id from synthesis_job j
                    where j.state = 'QUEUED' and j.not_before <= :now
                      and not exists (select 1 from synthesis_job r where r.consultation_id = j.consultation_id
                                      and r.state = 'RUNNING')
                    order by j.not_before, j.created_at
                    limit 1
                    for update skip locked)
                returning
                """ + COLUMNS).param("node", node).param("now", Timestamp.from(now))
                .query(JobRepository::row).optional();
    }

    /** Running jobs whose node stopped beating: queued again (or failed after too many attempts). */
    public List<String> requeueAbandoned(Instant staleBefore, int maxAttempts, Instant now) {
        jdbc.sql("""
                update synthesis_job set state = 'FAILED', finished_at = :now, progress = 0,
                    message = 'The job was interrupted ' || attempts || ' times (the server stopped while it ran). '
                        || 'Start the synthesis again; if it keeps failing, tell the platform administrators.'
                where state = 'RUNNING' and heartbeat_at < :stale and attempts >= :max""")
                .param("stale", Timestamp.from(staleBefore)).param("max", maxAttempts).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                update synthesis_job set state = 'QUEUED', node = null, not_before = :now,
                    message = 'Restarted: the server running it stopped'
                where state = 'RUNNING' and heartbeat_at < :stale
                returning id""").param("stale", Timestamp.from(staleBefore)).param("now", Timestamp.from(now))
                .query(String.class).list();
    }

    /** Progress and heartbeat; false when the job is no longer this node's (so it should stop). */
    public boolean progress(String id, String node, int progress, String message, Instant now) {
        return jdbc.sql("""
                update synthesis_job set progress = :p, message = :m, heartbeat_at = :now
                where id = :id and node = :node and state = 'RUNNING'""")
                .param("p", progress).param("m", message).param("now", Timestamp.from(now)).param("id", id)
                .param("node", node).update() == 1;
    }

    public void inputs(String id, int inputs) {
        jdbc.sql("update synthesis_job set inputs = :n where id = :id").param("n", inputs).param("id", id).update();
    }

    public void finish(String id, JobState state, String message, Instant now) {
        jdbc.sql("""
                update synthesis_job set state = :s, message = :m, finished_at = :now, heartbeat_at = :now,
                    progress = case when :s = 'SUCCEEDED' then 100 else progress end
                where id = :id""").param("s", state.name()).param("m", message).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    private static JobRow row(ResultSet rs, int n) throws SQLException {
        return new JobRow(rs.getString("id"), rs.getString("consultation_id"), rs.getString("kind"),
                JobState.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getString("message"),
                (Integer) rs.getObject("inputs"), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "heartbeat_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package org.polylogue.meeting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.meeting.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registrations and the waiting list of meetings. */
@Repository
public class RegistrationRepository {

    /** A registration that is not cancelled. */
    public record RegistrationRow(String id, String meetingId, String accountId, String organizationId,
            RegistrationStatus status, boolean hideName, long queueNumber, Instant registeredAt, Instant promotedAt) {}

    private static final String COLUMNS = """
            id, meeting_id, account_id, organization_id, status, hide_name, queue_number, registered_at, promoted_at""";

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String meetingId, String accountId, String organizationId, RegistrationStatus status,
            boolean hideName, Instant at) {
        jdbc.sql("""
                insert into meeting_registration (id, meeting_id, account_id, organization_id, status, hide_name,
                registered_at) values (:id, :meeting, :account, :organization, :status, :hide, :at)""")
                .param("id", id).param("meeting", meetingId).param("account", accountId)
                .param("organization", organizationId).param("status", status.name()).param("hide", hideName)
                .param("at", Timestamp.from(at)).update();
    }

    public Optional<RegistrationRow> active(String meetingId, String accountId) {
        return jdbc.sql("select " + COLUMNS + """
                 from meeting_registration where meeting_id = :meeting and account_id = :account
                and status <> 'CANCELLED'""")
                .param("meeting", meetingId).param("account", accountId).query(RegistrationRepository::map).optional();
    }

    public Optional<RegistrationRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from meeting_registration where id = :id and status <> 'CANCELLED'")
                .param("id", id).query(RegistrationRepository::map).optional();
    }

    /** Registered (in order of registration) and waiting (in queue order) participants. */
    public List<RegistrationRow> activeOf(String meetingId) {
        return jdbc.sql("select " + COLUMNS + """
                 from meeting_registration where meeting_id = :meeting and status <> 'CANCELLED'
                order by status, queue_number""")
                .param("meeting", meetingId).query(RegistrationRepository::map).list();
    }

    public int count(String meetingId, RegistrationStatus status) {
        return jdbc.sql("select count(*) from meeting_registration where meeting_id = :meeting and status = :status")
                .param("meeting", meetingId).param("status", status.name()).query(Integer.class).single();
    }

    /** The place on the waiting list (1 = next to be promoted). */
    public int waitingPosition(String meetingId, long queueNumber) {
        return jdbc.sql("""
                select count(*) from meeting_registration where meeting_id = :meeting and status = 'WAITING'
                and queue_number <= :queue""")
                .param("meeting", meetingId).param("queue", queueNumber).query(Integer.class).single();
    }

    public Optional<RegistrationRow> firstWaiting(String meetingId) {
        return jdbc.sql("select " + COLUMNS + """
                 from meeting_registration where meeting_id = :meeting and status = 'WAITING'
                order by queue_number limit 1""")
                .param("meeting", meetingId).query(RegistrationRepository::map).optional();
    }

    public void cancel(String id, Instant at) {
        jdbc.sql("update meeting_registration set status = 'CANCELLED', cancelled_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    public void promote(String id, Instant at) {
        jdbc.sql("update meeting_registration set status = 'REGISTERED', promoted_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    static RegistrationRow map(ResultSet rs, int n) throws SQLException {
        var promoted = rs.getTimestamp("promoted_at");
        return new RegistrationRow(rs.getString("id"), rs.getString("meeting_id"), rs.getString("account_id"),
                rs.getString("organization_id"), RegistrationStatus.valueOf(rs.getString("status")),
                rs.getBoolean("hide_name"), rs.getLong("queue_number"), rs.getTimestamp("registered_at").toInstant(),
                promoted == null ? null : promoted.toInstant());
    }
}

package org.polylogue.meeting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for the floor on the speakers lists of meetings. */
@Repository
public class SpeakerRepository {

    /** A request still waiting ({@code spoke} false) or spoken. */
    public record SpeakerRow(String id, String meetingId, String accountId, String organizationId, boolean spoke,
            int position, Instant requestedAt, Instant spokeAt) {}

    private static final String COLUMNS = """
            id, meeting_id, account_id, organization_id, status, position, requested_at, spoke_at""";

    private final JdbcClient jdbc;

    SpeakerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String meetingId, String accountId, String organizationId, int position, Instant at) {
        jdbc.sql("""
                insert into meeting_speaker (id, meeting_id, account_id, organization_id, status, position, requested_at)
                values (:id, :meeting, :account, :organization, 'REQUESTED', :position, :at)""")
                .param("id", id).param("meeting", meetingId).param("account", accountId)
                .param("organization", organizationId).param("position", position).param("at", Timestamp.from(at))
                .update();
    }

    /** Waiting requests by position, then spoken ones in the order they spoke. */
    public List<SpeakerRow> of(String meetingId) {
        return jdbc.sql("select " + COLUMNS + """
                 from meeting_speaker where meeting_id = :meeting and status <> 'REMOVED'
                order by status, position, spoke_at, requested_at""")
                .param("meeting", meetingId)
                .query((rs, n) -> {
                    var spokeAt = rs.getTimestamp("spoke_at");
                    return new SpeakerRow(rs.getString("id"), rs.getString("meeting_id"), rs.getString("account_id"),
                            rs.getString("organization_id"), rs.getString("status").equals("SPOKE"),
                            rs.getInt("position"), rs.getTimestamp("requested_at").toInstant(),
                            spokeAt == null ? null : spokeAt.toInstant());
                })
                .list();
    }

    public Optional<SpeakerRow> find(String meetingId, String id) {
        return of(meetingId).stream().filter(row -> row.id().equals(id)).findFirst();
    }

    public boolean hasOpenRequest(String meetingId, String accountId) {
        return jdbc.sql("""
                select count(*) from meeting_speaker where meeting_id = :meeting and account_id = :account
                and status = 'REQUESTED'""")
                .param("meeting", meetingId).param("account", accountId).query(Integer.class).single() > 0;
    }

    public void setPosition(String id, int position) {
        jdbc.sql("update meeting_speaker set position = :position where id = :id").param("id", id)
                .param("position", position).update();
    }

    public void markSpoke(String id, Instant at) {
        jdbc.sql("update meeting_speaker set status = 'SPOKE', spoke_at = :at where id = :id").param("id", id)
                .param("at", Timestamp.from(at)).update();
    }

    public void remove(String id, Instant at) {
        jdbc.sql("update meeting_speaker set status = 'REMOVED', removed_at = :at where id = :id").param("id", id)
                .param("at", Timestamp.from(at)).update();
    }
}

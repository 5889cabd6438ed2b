package org.polylogue.meeting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.MeetingView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MeetingRepository {

    private static final String COLUMNS = """
            id, slug, process_id, title, kind, starts_at, ends_at, time_zone, place, online_url, capacity, agenda,
            created_by, created_at""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MeetingView m) {
        jdbc.sql("insert into meeting (" + COLUMNS + """
                ) values (:id, :slug, :process, :title, :kind, :starts, :ends, :zone, :place, :online, :capacity,
                :agenda, :by, :at)""")
                .param("id", m.id()).param("slug", m.slug()).param("process", m.processId()).param("title", m.title())
                .param("kind", m.kind().name()).param("starts", Timestamp.from(m.startsAt()))
                .param("ends", Timestamp.from(m.endsAt())).param("zone", m.timeZone()).param("place", m.place())
                .param("online", m.onlineUrl()).param("capacity", m.capacity()).param("agenda", m.agenda())
                .param("by", m.createdBy()).param("at", Timestamp.from(m.createdAt())).update();
    }

    public Optional<MeetingView> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from meeting where slug = :slug").param("slug", slug)
                .query(MeetingRepository::map).optional();
    }

    public Optional<MeetingView> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from meeting where id = :id").param("id", id)
                .query(MeetingRepository::map).optional();
    }

    static MeetingView map(ResultSet rs, int n) throws SQLException {
        return new MeetingView(rs.getString("id"), rs.getString("slug"), rs.getString("process_id"),
                rs.getString("title"), MeetingKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("time_zone"), rs.getString("place"), rs.getString("online_url"),
                (Integer) rs.getObject("capacity"), rs.getString("agenda"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}

package org.polylogue.meeting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.meeting.MeetingDocument;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.MeetingView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MeetingRepository {

    private static final String COLUMNS = """
            id, slug, process_id, title, kind, starts_at, ends_at, time_zone, place, online_url, capacity, agenda,
            created_by, created_at, cancelled_at, updated_at, sequence""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MeetingView m) {
        jdbc.sql("insert into meeting (" + COLUMNS + """
                ) values (:id, :slug, :process, :title, :kind, :starts, :ends, :zone, :place, :online, :capacity,
                :agenda, :by, :at, null, :at, 0)""")
                .param("id", m.id()).param("slug", m.slug()).param("process", m.processId()).param("title", m.title())
                .param("kind", m.kind().name()).param("starts", Timestamp.from(m.startsAt()))
                .param("ends", Timestamp.from(m.endsAt())).param("zone", m.timeZone()).param("place", m.place())
                .param("online", m.onlineUrl()).param("capacity", m.capacity()).param("agenda", m.agenda())
                .param("by", m.createdBy()).param("at", Timestamp.from(m.createdAt())).update();
    }

    /** Writes the changeable fields and counts one more change. */
    public void update(MeetingView m, Instant now) {
        jdbc.sql("""
                update meeting set title = :title, kind = :kind, starts_at = :starts, ends_at = :ends, time_zone = :zone,
                place = :place, online_url = :online, capacity = :capacity, agenda = :agenda, updated_at = :now,
                sequence = sequence + 1 where id = :id""")
                .param("id", m.id()).param("title", m.title()).param("kind", m.kind().name())
                .param("starts", Timestamp.from(m.startsAt())).param("ends", Timestamp.from(m.endsAt()))
                .param("zone", m.timeZone()).param("place", m.place()).param("online", m.onlineUrl())
                .param("capacity", m.capacity()).param("agenda", m.agenda()).param("now", Timestamp.from(now)).update();
    }

    public void cancel(String id, Instant now) {
        jdbc.sql("update meeting set cancelled_at = :now, updated_at = :now, sequence = sequence + 1 where id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Locks the meeting row: registrations and the speakers list of one meeting change one at a time. */
    public void lock(String id) {
        jdbc.sql("select id from meeting where id = :id for update").param("id", id).query(String.class).optional();
    }

    public Optional<MeetingView> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from meeting where slug = :slug").param("slug", slug)
                .query(MeetingRepository::map).optional();
    }

    public Optional<MeetingView> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from meeting where id = :id").param("id", id)
                .query(MeetingRepository::map).optional();
    }

    /** Meetings not over yet (soonest first) or over (latest first), optionally of one process. */
    public List<MeetingView> list(boolean upcoming, String processId, Instant now, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from meeting where " + when(upcoming)
                + " and (cast(:process as text) is null or process_id = :process) order by starts_at "
                + (upcoming ? "asc" : "desc") + ", id limit :limit offset :offset")
                .param("now", Timestamp.from(now)).param("process", processId).param("limit", limit)
                .param("offset", offset).query(MeetingRepository::map).list();
    }

    public long count(boolean upcoming, String processId, Instant now) {
        return jdbc.sql("select count(*) from meeting where " + when(upcoming)
                + " and (cast(:process as text) is null or process_id = :process)")
                .param("now", Timestamp.from(now)).param("process", processId).query(Long.class).single();
    }

    /** Every meeting, oldest first (for the search index's rebuild; meetings are few). */
    public void forEach(java.util.function.Consumer<MeetingView> sink) {
        jdbc.sql("select " + COLUMNS + " from meeting order by created_at, id").query(MeetingRepository::map).list()
                .forEach(sink);
    }

    /** Every meeting of a process, past and upcoming, oldest first (for other modules' readers). */
    public List<MeetingView> ofProcess(String processId) {
        return jdbc.sql("select " + COLUMNS + " from meeting where process_id = :process order by starts_at, id")
                .param("process", processId).query(MeetingRepository::map).list();
    }

    /** Every meeting, for a calendar feed: from a year ago on, soonest first. */
    public List<MeetingView> forCalendar(String processId, Instant since) {
        return jdbc.sql("select " + COLUMNS + """
                 from meeting where ends_at >= :since and (cast(:process as text) is null or process_id = :process)
                order by starts_at, id limit 2000""")
                .param("since", Timestamp.from(since)).param("process", processId).query(MeetingRepository::map)
                .list();
    }

    public void insertDocument(String id, String meetingId, String title, String url, String by, Instant at) {
        jdbc.sql("""
                insert into meeting_document (id, meeting_id, title, url, added_by, added_at)
                values (:id, :meeting, :title, :url, :by, :at)""")
                .param("id", id).param("meeting", meetingId).param("title", title).param("url", url).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    public List<MeetingDocument> documents(String meetingId) {
        return jdbc.sql("select id, title, url, added_at from meeting_document where meeting_id = :m order by added_at, id")
                .param("m", meetingId)
                .query((rs, n) -> new MeetingDocument(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static String when(boolean upcoming) {
        return upcoming ? "ends_at >= :now" : "ends_at < :now";
    }

    static MeetingView map(ResultSet rs, int n) throws SQLException {
        var cancelled = rs.getTimestamp("cancelled_at");
        return new MeetingView(rs.getString("id"), rs.getString("slug"), rs.getString("process_id"),
                rs.getString("title"), MeetingKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("time_zone"), rs.getString("place"), rs.getString("online_url"),
                (Integer) rs.getObject("capacity"), rs.getString("agenda"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), cancelled == null ? null : cancelled.toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("sequence"));
    }
}

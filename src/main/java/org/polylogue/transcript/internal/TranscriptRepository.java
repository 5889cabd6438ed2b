package org.polylogue.transcript.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transcript tables. */
@Repository
public class TranscriptRepository {

    public record TranscriptRow(String id, String meetingId, String scopeId, String title, String status, String preamble,
            String encoding, String importedBy, Instant importedAt) {}

    public record TurnRow(String id, String transcriptId, String meetingId, String scopeId, Instant importedAt, int number, String label, String labelKey,
            String introducedAs, int line, String originalText, String normalizedText, int words) {}

    public record QuestionRow(int number, int turnNumber, String askedBy, boolean online, String text) {}

    public record LinkRow(String scopeId, String labelKey, String label, String accountId, String organizationId) {}

    private static final String TURN = """
            select t.id, t.transcript_id, tr.meeting_id, tr.scope_id, tr.imported_at, t.number, t.speaker_label, t.speaker_key, t.introduced_as,
                   t.line, t.original_text, t.normalized_text, t.words
            from transcript_turn t join transcript tr on tr.id = t.transcript_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;

    TranscriptRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    public Optional<TranscriptRow> findByMeeting(String meetingId) {
        return jdbc.sql("select * from transcript where meeting_id = :meeting").param("meeting", meetingId)
                .query(TranscriptRepository::transcript).optional();
    }

    /** Serialises imports of the same meeting: the second waits until the first has committed. */
    public void lockMeeting(String meetingId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('transcript:' || :meeting))").param("meeting", meetingId)
                .query((rs, n) -> 1).list();
    }

    public List<String> turnIds(String transcriptId) {
        return jdbc.sql("select id from transcript_turn where transcript_id = :id order by number")
                .param("id", transcriptId).query(String.class).list();
    }

    public void delete(String transcriptId) {
        jdbc.sql("delete from transcript where id = :id").param("id", transcriptId).update();
    }

    public void insert(TranscriptRow t, String original) {
        jdbc.sql("""
                insert into transcript (id, meeting_id, scope_id, title, status, preamble, original, encoding,
                                        imported_by, imported_at)
                values (:id, :meeting, :scope, :title, :status, :preamble, :original, :encoding, :by, :at)""")
                .param("id", t.id()).param("meeting", t.meetingId()).param("scope", t.scopeId()).param("title", t.title())
                .param("status", t.status()).param("preamble", t.preamble()).param("original", original)
                .param("encoding", t.encoding()).param("by", t.importedBy()).param("at", Timestamp.from(t.importedAt()))
                .update();
    }

    public void insertTurns(List<TurnRow> turns) {
        var batch = turns.stream().map(t -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", t.id()).addValue("transcript", t.transcriptId()).addValue("number", t.number())
                .addValue("label", t.label()).addValue("key", t.labelKey()).addValue("introduced", t.introducedAs())
                .addValue("line", t.line()).addValue("original", t.originalText())
                .addValue("normalized", t.normalizedText()).addValue("words", t.words()))
                .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
        batchJdbc.batchUpdate("""
                insert into transcript_turn (id, transcript_id, number, speaker_label, speaker_key, introduced_as,
                                             line, original_text, normalized_text, words)
                values (:id, :transcript, :number, :label, :key, :introduced, :line, :original, :normalized, :words)
                """, batch);
    }

    public void insertQuestions(String transcriptId, List<QuestionRow> questions) {
        for (QuestionRow q : questions) {
            jdbc.sql("""
                    insert into transcript_question (transcript_id, number, turn_number, asked_by, online, text)
                    values (:transcript, :number, :turn, :by, :online, :text)""")
                    .param("transcript", transcriptId).param("number", q.number()).param("turn", q.turnNumber())
                    .param("by", q.askedBy()).param("online", q.online()).param("text", q.text()).update();
        }
    }

    public List<TurnRow> turns(String transcriptId) {
        return jdbc.sql(TURN + " where t.transcript_id = :id order by t.number").param("id", transcriptId)
                .query(TranscriptRepository::turn).list();
    }

    public Optional<TurnRow> findTurn(String id) {
        return jdbc.sql(TURN + " where t.id = :id").param("id", id).query(TranscriptRepository::turn).optional();
    }

    public void forEachTurn(Consumer<TurnRow> sink) {
        // the stream holds a connection until closed
        try (var turns = jdbc.sql(TURN + " order by tr.meeting_id, t.number").query(TranscriptRepository::turn)
                .stream()) {
            turns.forEach(sink);
        }
    }

    public List<QuestionRow> questions(String transcriptId) {
        return jdbc.sql("""
                select number, turn_number, asked_by, online, text from transcript_question
                where transcript_id = :id order by number""").param("id", transcriptId)
                .query((rs, n) -> new QuestionRow(rs.getInt("number"), rs.getInt("turn_number"),
                        rs.getString("asked_by"), rs.getBoolean("online"), rs.getString("text"))).list();
    }

    public List<LinkRow> links(String scopeId) {
        return jdbc.sql("""
                select scope_id, label_key, label, account_id, organization_id from transcript_speaker_link
                where scope_id = :scope order by label_key""").param("scope", scopeId)
                .query(TranscriptRepository::link).list();
    }

    public Optional<LinkRow> link(String scopeId, String labelKey) {
        return jdbc.sql("""
                select scope_id, label_key, label, account_id, organization_id from transcript_speaker_link
                where scope_id = :scope and label_key = :key""").param("scope", scopeId).param("key", labelKey)
                .query(TranscriptRepository::link).optional();
    }

    public void saveLink(LinkRow link, String confirmedBy, Instant at) {
        jdbc.sql("""
                insert into transcript_speaker_link (scope_id, label_key, label, account_id, organization_id,
                                                     confirmed_by, confirmed_at)
                values (:scope, :key, :label, :account, :organization, :by, :at)
                on conflict (scope_id, label_key) do update set label = excluded.label,
                    account_id = excluded.account_id, organization_id = excluded.organization_id,
                    confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at""")
                .param("scope", link.scopeId()).param("key", link.labelKey()).param("label", link.label())
                .param("account", link.accountId()).param("organization", link.organizationId())
                .param("by", confirmedBy).param("at", Timestamp.from(at)).update();
    }

    public boolean deleteLink(String scopeId, String labelKey) {
        return jdbc.sql("delete from transcript_speaker_link where scope_id = :scope and label_key = :key")
                .param("scope", scopeId).param("key", labelKey).update() > 0;
    }

    /** Ids of the turns with this speaker key in every transcript of the scope (to re-index after a link changes). */
    public List<String> turnIdsOfSpeaker(String scopeId, String labelKey) {
        return jdbc.sql("""
                select t.id from transcript_turn t join transcript tr on tr.id = t.transcript_id
                where tr.scope_id = :scope and t.speaker_key = :key""")
                .param("scope", scopeId).param("key", labelKey).query(String.class).list();
    }

    private static TranscriptRow transcript(ResultSet rs, int n) throws SQLException {
        return new TranscriptRow(rs.getString("id"), rs.getString("meeting_id"), rs.getString("scope_id"),
                rs.getString("title"),
                rs.getString("status"), rs.getString("preamble"), rs.getString("encoding"),
                rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant());
    }

    private static TurnRow turn(ResultSet rs, int n) throws SQLException {
        return new TurnRow(rs.getString("id"), rs.getString("transcript_id"), rs.getString("meeting_id"),
                rs.getString("scope_id"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("number"), rs.getString("speaker_label"), rs.getString("speaker_key"),
                rs.getString("introduced_as"), rs.getInt("line"), rs.getString("original_text"),
                rs.getString("normalized_text"), rs.getInt("words"));
    }

    private static LinkRow link(ResultSet rs, int n) throws SQLException {
        return new LinkRow(rs.getString("scope_id"), rs.getString("label_key"), rs.getString("label"),
                rs.getString("account_id"), rs.getString("organization_id"));
    }
}

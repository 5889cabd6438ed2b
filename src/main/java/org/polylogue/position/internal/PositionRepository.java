package org.polylogue.position.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's SQL: proposals, stances (never updated) and their evidence. */
@Repository
public class PositionRepository {

    /** A stance as stored; {@code consultationId} is set for paragraphs and amendments (and consultations). */
    public record StanceRow(String id, String processId, String actorKind, String actorId, String itemKind,
            String itemId, String consultationId, String position, String summary, LocalDate statedOn,
            Instant recordedAt, String recordedBy, String recordedAs, String sourceKey) {

        /** Actor and item: stances with the same key follow one another. */
        public String key() {
            return actorKind + ":" + actorId + "|" + itemKey();
        }

        public String itemKey() {
            return itemKind + ":" + (consultationId == null ? "" : consultationId) + ":" + itemId;
        }
    }

    /** {@code url} is where the evidence is read: a platform path or an external https address. */
    public record EvidenceRow(String stanceId, int ordinal, String kind, String refId, String url, String label) {}

    /** {@code deletedAt} is set once the secretariat deleted it; deleted proposals are kept but listed nowhere. */
    public record ProposalRow(String id, String processId, String name, String description, String createdBy,
            Instant createdAt, Instant deletedAt) {

        public boolean deleted() {
            return deletedAt != null;
        }
    }

    private static final String STANCE_ORDER = " order by stated_on, recorded_at, id";

    private final JdbcClient jdbc;

    PositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a stance with the same source key exists (an event delivered twice). */
    public boolean insert(StanceRow row, List<EvidenceRow> evidence) {
        int inserted = jdbc.sql("""
                insert into position_stance (id, process_id, actor_kind, actor_id, item_kind, item_id, consultation_id,
                    position, summary, stated_on, recorded_at, recorded_by, recorded_as, source_key)
                values (:id, :process, :actorKind, :actorId, :itemKind, :itemId, :consultation, :position, :summary,
                    :statedOn, :recordedAt, :recordedBy, :recordedAs, :sourceKey)
                on conflict (source_key) do nothing""")
                .param("id", row.id()).param("process", row.processId()).param("actorKind", row.actorKind())
                .param("actorId", row.actorId()).param("itemKind", row.itemKind()).param("itemId", row.itemId())
                .param("consultation", row.consultationId()).param("position", row.position())
                .param("summary", row.summary()).param("statedOn", Date.valueOf(row.statedOn()))
                .param("recordedAt", Timestamp.from(row.recordedAt())).param("recordedBy", row.recordedBy())
                .param("recordedAs", row.recordedAs()).param("sourceKey", row.sourceKey()).update();
        if (inserted == 0) {
            return false;
        }
        for (var e : evidence) {
            jdbc.sql("""
                    insert into position_evidence (stance_id, ordinal, kind, ref_id, url, label)
                    values (:stance, :ordinal, :kind, :ref, :url, :label)""")
                    .param("stance", row.id()).param("ordinal", e.ordinal()).param("kind", e.kind())
                    .param("ref", e.refId()).param("url", e.url()).param("label", e.label()).update();
        }
        return true;
    }

    public Optional<StanceRow> stance(String id) {
        return jdbc.sql("select * from position_stance where id = :id").param("id", id)
                .query(PositionRepository::stance).optional();
    }

    /** Every stance of a process, oldest first (the order in which they supersede one another). */
    public List<StanceRow> stancesOfProcess(String processId) {
        return jdbc.sql("select * from position_stance where process_id = :process" + STANCE_ORDER)
                .param("process", processId).query(PositionRepository::stance).list();
    }

    /** Every stance of one actor in any process, oldest first. */
    public List<StanceRow> stancesOfActor(String actorKind, String actorId) {
        return jdbc.sql("select * from position_stance where actor_kind = :kind and actor_id = :id" + STANCE_ORDER)
                .param("kind", actorKind).param("id", actorId).query(PositionRepository::stance).list();
    }

    /** Every stance on the items of these processes by the actor (to tell which ones are current). */
    public List<StanceRow> stancesOfActorIn(String actorKind, String actorId, Collection<String> processIds) {
        return stancesOfActor(actorKind, actorId).stream().filter(s -> processIds.contains(s.processId())).toList();
    }

    public long countStancesOnProposal(String proposalId) {
        return jdbc.sql("select count(*) from position_stance where item_kind = 'proposal' and item_id = :id")
                .param("id", proposalId).query(Long.class).single();
    }

    public List<EvidenceRow> evidence(Collection<String> stanceIds) {
        if (stanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from position_evidence where stance_id = any(:ids) order by stance_id, ordinal")
                .param("ids", stanceIds.toArray(String[]::new))
                .query((rs, n) -> new EvidenceRow(rs.getString("stance_id"), rs.getInt("ordinal"), rs.getString("kind"),
                        rs.getString("ref_id"), rs.getString("url"), rs.getString("label")))
                .list();
    }

    public void insertProposal(ProposalRow row) {
        jdbc.sql("""
                insert into position_proposal (id, process_id, name, description, created_by, created_at)
                values (:id, :process, :name, :description, :by, :at)""")
                .param("id", row.id()).param("process", row.processId()).param("name", row.name())
                .param("description", row.description()).param("by", row.createdBy())
                .param("at", Timestamp.from(row.createdAt())).update();
    }

    public void updateProposal(String id, String name, String description) {
        jdbc.sql("update position_proposal set name = :name, description = :description where id = :id")
                .param("id", id).param("name", name).param("description", description).update();
    }

    public void deleteProposal(String id, Instant now) {
        jdbc.sql("update position_proposal set deleted_at = :now where id = :id").param("id", id)
                .param("now", Timestamp.from(now)).update();
    }

    public boolean proposalNameTaken(String processId, String name, String exceptId) {
        return jdbc.sql("""
                select count(*) from position_proposal
                where process_id = :process and lower(name) = lower(:name) and id <> :except and deleted_at is null""")
                .param("process", processId).param("name", name).param("except", exceptId == null ? "" : exceptId)
                .query(Long.class).single() > 0;
    }

    public Optional<ProposalRow> proposal(String id) {
        return jdbc.sql("select * from position_proposal where id = :id").param("id", id)
                .query(PositionRepository::proposal).optional();
    }

    public List<ProposalRow> proposals(String processId) {
        return jdbc.sql("select * from position_proposal where process_id = :process and deleted_at is null"
                + " order by created_at, id")
                .param("process", processId).query(PositionRepository::proposal).list();
    }

    public List<ProposalRow> proposals(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from position_proposal where id = any(:ids)").param("ids", ids.toArray(String[]::new))
                .query(PositionRepository::proposal).list();
    }

    private static ProposalRow proposal(ResultSet rs, int n) throws SQLException {
        return new ProposalRow(rs.getString("id"), rs.getString("process_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());
    }

    private static StanceRow stance(ResultSet rs, int n) throws SQLException {
        return new StanceRow(rs.getString("id"), rs.getString("process_id"), rs.getString("actor_kind"),
                rs.getString("actor_id"), rs.getString("item_kind"), rs.getString("item_id"),
                rs.getString("consultation_id"), rs.getString("position"), rs.getString("summary"),
                rs.getDate("stated_on").toLocalDate(), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), rs.getString("recorded_as"), rs.getString("source_key"));
    }
}

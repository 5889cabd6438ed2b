package org.polylogue.accreditation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.accreditation.AccreditationState;
import org.polylogue.accreditation.Decision;
import org.polylogue.accreditation.EntryKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccreditationRepository {

    /** A request row with its computed state. */
    public record RequestRow(String id, String processId, String organizationId, Instant requestedAt,
            AccreditationState state) {}

    /** A step row; {@code withdrawn} tells whether an OBJECTED step was withdrawn later. */
    public record EntryRow(String id, String requestId, EntryKind kind, String organizationId, String accountId,
            Instant at, String text, Decision decision, String objectionId, boolean withdrawn) {}

    private static final String REQUEST = """
            select id, process_id, organization_id, requested_at, state from accreditation_request_state
            """;

    private final JdbcClient jdbc;

    AccreditationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the steps taken under one key (a request, an organisation in a process) until the transaction ends. */
    public void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "accreditation:" + key)
                .query((rs, n) -> 1).single();
    }

    public void insertRequest(String id, String processId, String organizationId, String requestedBy, Instant now) {
        jdbc.sql("""
                insert into accreditation_request (id, process_id, organization_id, requested_by, requested_at)
                values (:id, :process, :organization, :by, :now)""")
                .param("id", id).param("process", processId).param("organization", organizationId)
                .param("by", requestedBy).param("now", Timestamp.from(now)).update();
    }

    public void insertEntry(String id, String requestId, EntryKind kind, String organizationId, String accountId,
            Instant at, String text, Decision decision, String objectionId) {
        jdbc.sql("""
                insert into accreditation_entry
                    (id, request_id, kind, organization_id, account_id, at, text, decision, objection_id)
                values (:id, :request, :kind, :organization, :account, :at, :text, :decision, :objection)""")
                .param("id", id).param("request", requestId).param("kind", kind.name())
                .param("organization", organizationId).param("account", accountId).param("at", Timestamp.from(at))
                .param("text", text).param("decision", decision == null ? null : decision.name())
                .param("objection", objectionId).update();
    }

    public Optional<RequestRow> find(String processId, String requestId) {
        return jdbc.sql(REQUEST + " where process_id = :process and id = :id").param("process", processId)
                .param("id", requestId).query(AccreditationRepository::request).optional();
    }

    /** The organisation's newest request to the process, if any. */
    public Optional<RequestRow> latestOf(String processId, String organizationId) {
        return jdbc.sql(REQUEST + " where process_id = :process and organization_id = :organization"
                + " order by requested_at desc limit 1")
                .param("process", processId).param("organization", organizationId)
                .query(AccreditationRepository::request).optional();
    }

    /** One page of requests, newest first; {@code state} null for all. */
    public List<RequestRow> page(String processId, AccreditationState state, long offset, int limit) {
        return jdbc.sql(REQUEST + """
                 where process_id = :process and (cast(:state as text) is null or state = :state)
                order by requested_at desc, id limit :limit offset :offset""")
                .param("process", processId).param("state", state == null ? null : state.name())
                .param("limit", limit).param("offset", offset).query(AccreditationRepository::request).list();
    }

    public Map<AccreditationState, Long> counts(String processId) {
        Map<AccreditationState, Long> counts = new EnumMap<>(AccreditationState.class);
        for (var state : AccreditationState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) from accreditation_request_state where process_id = :process group by state")
                .param("process", processId)
                .query((rs, n) -> Map.entry(AccreditationState.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The steps of the given requests, oldest first. */
    public List<EntryRow> entries(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.id, e.request_id, e.kind, e.organization_id, e.account_id, e.at, e.text, e.decision,
                       e.objection_id, exists (select 1 from accreditation_entry w where w.objection_id = e.id) as withdrawn
                from accreditation_entry e where e.request_id = any(:ids) order by e.seq""")
                .param("ids", requestIds.toArray(String[]::new))
                .query((rs, n) -> new EntryRow(rs.getString("id"), rs.getString("request_id"),
                        EntryKind.valueOf(rs.getString("kind")), rs.getString("organization_id"),
                        rs.getString("account_id"), rs.getTimestamp("at").toInstant(), rs.getString("text"),
                        rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
                        rs.getString("objection_id"), rs.getBoolean("withdrawn")))
                .list();
    }

    private static RequestRow request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RequestRow(rs.getString("id"), rs.getString("process_id"), rs.getString("organization_id"),
                rs.getTimestamp("requested_at").toInstant(), AccreditationState.valueOf(rs.getString("state")));
    }
}

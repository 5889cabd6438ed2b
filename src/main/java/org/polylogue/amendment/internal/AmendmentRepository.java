package org.polylogue.amendment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The amendment tables: amendments, current supports, dispositions of amendments and comments. */
@Repository
public class AmendmentRepository {

    private static final String COLUMNS = """
            id, consultation_id, document_id, paragraph_id, kind, text, rationale, made_on_version,
            author_account_id, organization_id, created_at""";

    private final JdbcClient jdbc;

    AmendmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AmendmentRow(String id, String consultationId, String documentId, String paragraphId, String kind,
            String text, String rationale, int madeOnVersion, String authorAccountId, String organizationId,
            Instant createdAt) {}

    public record SupportRow(String amendmentId, String organizationId, String accountId, Instant supportedAt) {}

    public record DispositionRow(String inputKind, String inputId, String consultationId, String decision,
            String reason, String mergedInto, String decidedBy, Instant decidedAt, Instant publishedAt) {}

    public void insert(AmendmentRow row) {
        jdbc.sql("insert into amendment (" + COLUMNS + """
                ) values (:id, :consultation, :document, :paragraph, :kind, :text, :rationale, :version, :author,
                :organization, :at)""")
                .param("id", row.id()).param("consultation", row.consultationId()).param("document", row.documentId())
                .param("paragraph", row.paragraphId()).param("kind", row.kind()).param("text", row.text())
                .param("rationale", row.rationale()).param("version", row.madeOnVersion())
                .param("author", row.authorAccountId()).param("organization", row.organizationId())
                .param("at", Timestamp.from(row.createdAt())).update();
    }

    public Optional<AmendmentRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from amendment where id = :id").param("id", id)
                .query(AmendmentRepository::amendment).optional();
    }

    /** Locks the amendment's row so that supports and dispositions of one amendment queue. */
    public Optional<AmendmentRow> findForUpdate(String id) {
        return jdbc.sql("select " + COLUMNS + " from amendment where id = :id for update").param("id", id)
                .query(AmendmentRepository::amendment).optional();
    }

    /** Amendments of a consultation (of one paragraph when {@code paragraphId} is not null), oldest first. */
    public List<AmendmentRow> ofConsultation(String consultationId, String paragraphId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + """
                 from amendment where consultation_id = :c and (cast(:p as text) is null or paragraph_id = :p)
                order by created_at, id limit :limit offset :offset""")
                .param("c", consultationId).param("p", paragraphId).param("limit", limit).param("offset", offset)
                .query(AmendmentRepository::amendment).list();
    }

    public long count(String consultationId, String paragraphId) {
        return jdbc.sql("""
                select count(*) from amendment where consultation_id = :c and (cast(:p as text) is null or paragraph_id = :p)""")
                .param("c", consultationId).param("p", paragraphId).query(Long.class).single();
    }

    /** Every amendment id of a consultation with the paragraph it amends (hidden ones included). */
    public Map<String, String> paragraphsById(String consultationId) {
        Map<String, String> paragraphs = new HashMap<>();
        jdbc.sql("select id, paragraph_id from amendment where consultation_id = :c")
                .param("c", consultationId)
                .query((ResultSet rs) -> {
                    paragraphs.put(rs.getString(1), rs.getString(2));
                });
        return paragraphs;
    }

    public List<AmendmentRow> ofDocumentVersion(String documentId, int version) {
        return jdbc.sql("select " + COLUMNS + " from amendment where document_id = :d and made_on_version = :v")
                .param("d", documentId).param("v", version).query(AmendmentRepository::amendment).list();
    }

    public List<AmendmentRow> byAuthor(String accountId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from amendment where author_account_id = :a order by created_at desc limit :limit")
                .param("a", accountId).param("limit", limit).query(AmendmentRepository::amendment).list();
    }

    public void forEach(Consumer<AmendmentRow> sink) {
        // the stream holds a connection until closed
        try (var rows = jdbc.sql("select " + COLUMNS + " from amendment order by id").withFetchSize(500)
                .query(AmendmentRepository::amendment).stream()) {
            rows.forEach(sink);
        }
    }

    public void insertSupport(String amendmentId, String organizationId, String accountId, Instant at) {
        jdbc.sql("""
                insert into amendment_support (amendment_id, organization_id, account_id, supported_at)
                values (:a, :o, :account, :at)""")
                .param("a", amendmentId).param("o", organizationId).param("account", accountId)
                .param("at", Timestamp.from(at)).update();
    }

    public boolean deleteSupport(String amendmentId, String organizationId) {
        return jdbc.sql("delete from amendment_support where amendment_id = :a and organization_id = :o")
                .param("a", amendmentId).param("o", organizationId).update() > 0;
    }

    /** Current supports of the given amendments, oldest first. */
    public Map<String, List<SupportRow>> supports(Collection<String> amendmentIds) {
        Map<String, List<SupportRow>> supports = new HashMap<>();
        if (amendmentIds.isEmpty()) {
            return supports;
        }
        jdbc.sql("""
                select amendment_id, organization_id, account_id, supported_at from amendment_support
                where amendment_id in (:ids) order by supported_at""")
                .param("ids", List.copyOf(amendmentIds))
                .query((rs, n) -> new SupportRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list().forEach(s -> supports.computeIfAbsent(s.amendmentId(), k -> new java.util.ArrayList<>()).add(s));
        return supports;
    }

    /** Stores a disposition, replacing an earlier one; a replaced disposition is a draft again. */
    public void upsertDisposition(DispositionRow row) {
        jdbc.sql("""
                insert into amendment_disposition (input_kind, input_id, consultation_id, decision, reason, merged_into,
                    decided_by, decided_at, published_at)
                values (:kind, :id, :c, :decision, :reason, :merged, :by, :at, null)
                on conflict (input_kind, input_id) do update set decision = excluded.decision,
                    reason = excluded.reason, merged_into = excluded.merged_into, decided_by = excluded.decided_by,
                    decided_at = excluded.decided_at, published_at = null""")
                .param("kind", row.inputKind()).param("id", row.inputId()).param("c", row.consultationId())
                .param("decision", row.decision()).param("reason", row.reason()).param("merged", row.mergedInto())
                .param("by", row.decidedBy()).param("at", Timestamp.from(row.decidedAt())).update();
    }

    /** Dispositions of a consultation's inputs (published ones only unless {@code drafts}), by kind and id. */
    public Map<String, DispositionRow> dispositions(String consultationId, boolean drafts) {
        Map<String, DispositionRow> rows = new HashMap<>();
        jdbc.sql("""
                select input_kind, input_id, consultation_id, decision, reason, merged_into, decided_by, decided_at,
                    published_at from amendment_disposition
                where consultation_id = :c and (:drafts or published_at is not null)""")
                .param("c", consultationId).param("drafts", drafts)
                .query(AmendmentRepository::disposition).list()
                .forEach(row -> rows.put(key(row.inputKind(), row.inputId()), row));
        return rows;
    }

    /** Dispositions of the given inputs of one kind (published ones only unless {@code drafts}). */
    public Map<String, DispositionRow> dispositions(String kind, Collection<String> ids, boolean drafts) {
        Map<String, DispositionRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                select input_kind, input_id, consultation_id, decision, reason, merged_into, decided_by, decided_at,
                    published_at from amendment_disposition
                where input_kind = :kind and input_id in (:ids) and (:drafts or published_at is not null)""")
                .param("kind", kind).param("ids", List.copyOf(ids)).param("drafts", drafts)
                .query(AmendmentRepository::disposition).list().forEach(row -> rows.put(row.inputId(), row));
        return rows;
    }

    /** Publishes every draft disposition of the consultation and returns them. */
    public List<DispositionRow> publish(String consultationId, Instant at) {
        return jdbc.sql("""
                update amendment_disposition set published_at = :at
                where consultation_id = :c and published_at is null
                returning input_kind, input_id, consultation_id, decision, reason, merged_into, decided_by, decided_at,
                    published_at""")
                .param("c", consultationId).param("at", Timestamp.from(at))
                .query(AmendmentRepository::disposition).list();
    }

    public static String key(String kind, String id) {
        return kind + ":" + id;
    }

    private static AmendmentRow amendment(ResultSet rs, int n) throws SQLException {
        return new AmendmentRow(rs.getString("id"), rs.getString("consultation_id"), rs.getString("document_id"),
                rs.getString("paragraph_id"), rs.getString("kind"), rs.getString("text"), rs.getString("rationale"),
                rs.getInt("made_on_version"), rs.getString("author_account_id"), rs.getString("organization_id"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static DispositionRow disposition(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new DispositionRow(rs.getString("input_kind"), rs.getString("input_id"), rs.getString("consultation_id"),
                rs.getString("decision"), rs.getString("reason"), rs.getString("merged_into"),
                rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(),
                published == null ? null : published.toInstant());
    }
}

package org.polylogue.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.audit.AuditEntry;
import org.polylogue.audit.AuditQuery;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SecurityEvent event, Instant at) {
        jdbc.sql("""
                insert into audit_event (at, kind, actor_account_id, subject, detail)
                values (:at, :kind, :actor, :subject, :detail)""")
                .param("at", Timestamp.from(at)).param("kind", event.kind().name())
                .param("actor", event.actorAccountId()).param("subject", event.subject())
                .param("detail", event.detail().length() > 1000 ? event.detail().substring(0, 1000) : event.detail())
                .update();
    }

    public Paged<AuditEntry> find(AuditQuery query, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.kind() != null) {
            conditions.add("kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.accountId() != null) {
            conditions.add("(actor_account_id = :account or subject = :accountSubject)");
            params.put("account", query.accountId());
            params.put("accountSubject", "account:" + query.accountId());
        }
        if (query.subject() != null) {
            conditions.add("subject = :subject");
            params.put("subject", query.subject());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        var items = jdbc.sql("select * from audit_event" + where + " order by at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("actor_account_id"), null, rs.getString("subject"), rs.getString("detail")))
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from audit_event where at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
    }
}

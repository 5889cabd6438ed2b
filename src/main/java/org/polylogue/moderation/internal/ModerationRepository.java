package org.polylogue.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.moderation.ModerationAction;
import org.polylogue.moderation.ModerationRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rules, reports, flags, hidings and the log. {@code process_id} null is the platform's scope. */
@Repository
public class ModerationRepository {

    private static final String SCOPE = "coalesce(process_id, '') = coalesce(:process, '')";

    private final JdbcClient jdbc;

    ModerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes to one item (or one scope's rule numbers) until the transaction ends. */
    public void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 5))").param("key", key).query().singleRow();
    }

    // rules

    public List<ModerationRule> rules(String processId) {
        return jdbc.sql("select * from moderation_rule where " + SCOPE + " order by number").param("process", processId)
                .query(ModerationRepository::rule).list();
    }

    public Optional<ModerationRule> rule(String id) {
        return jdbc.sql("select * from moderation_rule where id = :id").param("id", id)
                .query(ModerationRepository::rule).optional();
    }

    public int nextRuleNumber(String processId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from moderation_rule where " + SCOPE)
                .param("process", processId).query(Integer.class).single();
    }

    public void insertRule(String id, String processId, int number, String title, String description, String by,
            Instant at) {
        jdbc.sql("""
                insert into moderation_rule (id, process_id, number, title, description, published_at, published_by)
                values (:id, :process, :number, :title, :description, :at, :by)""")
                .param("id", id).param("process", processId).param("number", number).param("title", title)
                .param("description", description).param("at", Timestamp.from(at)).param("by", by).update();
    }

    public void retireRule(String id, String by, Instant at) {
        jdbc.sql("update moderation_rule set retired_at = :at, retired_by = :by where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    static ModerationRule rule(ResultSet rs, int n) throws SQLException {
        return new ModerationRule(rs.getString("id"), rs.getString("process_id"), rs.getInt("number"),
                rs.getString("title"), rs.getString("description"), rs.getTimestamp("published_at").toInstant(),
                instant(rs, "retired_at"));
    }

    // reports and flags

    public boolean hasOpenReport(String kind, String itemId, String reporterId) {
        return jdbc.sql("select exists (select 1 from moderation_report where kind = :kind and item_id = :item "
                + "and reporter_id = :reporter and closed_at is null)").param("kind", kind).param("item", itemId)
                .param("reporter", reporterId).query(Boolean.class).single();
    }

    public void insertReport(String id, String kind, String itemId, String processId, String reporterId, String reason,
            Instant at) {
        jdbc.sql("""
                insert into moderation_report (id, kind, item_id, process_id, reporter_id, reason, created_at)
                values (:id, :kind, :item, :process, :reporter, :reason, :at)""")
                .param("id", id).param("kind", kind).param("item", itemId).param("process", processId)
                .param("reporter", reporterId).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** Closes the open reports and flags of an item; returns how many there were. */
    public int closeReportsAndFlags(String kind, String itemId, Instant at) {
        int reports = jdbc.sql("update moderation_report set closed_at = :at where kind = :kind and item_id = :item "
                + "and closed_at is null").param("at", Timestamp.from(at)).param("kind", kind).param("item", itemId)
                .update();
        int flags = jdbc.sql("update moderation_flag set closed_at = :at where kind = :kind and item_id = :item "
                + "and closed_at is null").param("at", Timestamp.from(at)).param("kind", kind).param("item", itemId)
                .update();
        return reports + flags;
    }

    /** Raises a flag unless the item has an open one; returns whether it did. */
    public boolean flag(String id, String kind, String itemId, String processId, String reason, Instant at) {
        return jdbc.sql("""
                insert into moderation_flag (id, kind, item_id, process_id, reason, created_at)
                values (:id, :kind, :item, :process, :reason, :at)
                on conflict (kind, item_id) where closed_at is null do nothing""")
                .param("id", id).param("kind", kind).param("item", itemId).param("process", processId)
                .param("reason", reason).param("at", Timestamp.from(at)).update() > 0;
    }

    /** An open report or flag, for the queue. */
    public record Open(String kind, String itemId, boolean flag, String reason, Instant at) {}

    public List<Open> open(String processId) {
        return jdbc.sql("""
                select kind, item_id, false, reason, created_at from moderation_report where closed_at is null and %1$s
                union all
                select kind, item_id, true, reason, created_at from moderation_flag where closed_at is null and %1$s
                order by 5""".formatted(SCOPE)).param("process", processId)
                .query((rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    // hidings

    public record Hiding(String id, String kind, String itemId, String processId, String ruleId, String reason,
            String hiddenBy, Instant hiddenAt, String reviewStatement, Instant reviewRequestedAt, String reviewDecision,
            Instant reviewedAt) {

        public boolean reviewRequested() {
            return reviewRequestedAt != null;
        }

        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    /** The hiding in force: the newest one, if the item is hidden now. */
    public Optional<Hiding> currentHiding(String kind, String itemId) {
        return jdbc.sql("""
                select h.* from moderation_hiding h join moderation_hidden n on n.kind = h.kind and n.item_id = h.item_id
                where h.kind = :kind and h.item_id = :item order by h.hidden_at desc limit 1""")
                .param("kind", kind).param("item", itemId).query(ModerationRepository::hiding).optional();
    }

    /** Hidings whose author asked for a review that nobody has decided yet. */
    public List<Hiding> pendingReviews(String processId) {
        return jdbc.sql("select * from moderation_hiding where review_requested_at is not null and reviewed_at is null "
                + "and " + SCOPE + " order by review_requested_at").param("process", processId)
                .query(ModerationRepository::hiding).list();
    }

    public void insertHiding(String id, String kind, String itemId, String processId, ModerationRule rule, String reason,
            String by, Instant at) {
        jdbc.sql("""
                insert into moderation_hiding (id, kind, item_id, process_id, rule_id, reason, hidden_by, hidden_at)
                values (:id, :kind, :item, :process, :rule, :reason, :by, :at)""")
                .param("id", id).param("kind", kind).param("item", itemId).param("process", processId)
                .param("rule", rule.id()).param("reason", reason).param("by", by).param("at", Timestamp.from(at))
                .update();
        jdbc.sql("""
                insert into moderation_hidden (kind, item_id, rule_title, reason, hidden_at)
                values (:kind, :item, :rule, :reason, :at)""")
                .param("kind", kind).param("item", itemId).param("rule", rule.number() + ". " + rule.title())
                .param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    public void requestReview(String hidingId, String statement, Instant at) {
        jdbc.sql("update moderation_hiding set review_statement = :s, review_requested_at = :at where id = :id")
                .param("s", statement).param("at", Timestamp.from(at)).param("id", hidingId).update();
    }

    public void decideReview(Hiding hiding, String decision, String reason, String by, Instant at) {
        jdbc.sql("""
                update moderation_hiding set review_decision = :d, review_reason = :r, reviewed_by = :by, reviewed_at = :at
                where id = :id""").param("d", decision).param("r", reason).param("by", by)
                .param("at", Timestamp.from(at)).param("id", hiding.id()).update();
        if (decision.equals("RESTORE")) {
            jdbc.sql("delete from moderation_hidden where kind = :kind and item_id = :item").param("kind", hiding.kind())
                    .param("item", hiding.itemId()).update();
        }
    }

    static Hiding hiding(ResultSet rs, int n) throws SQLException {
        return new Hiding(rs.getString("id"), rs.getString("kind"), rs.getString("item_id"), rs.getString("process_id"),
                rs.getString("rule_id"), rs.getString("reason"), rs.getString("hidden_by"),
                rs.getTimestamp("hidden_at").toInstant(), rs.getString("review_statement"),
                instant(rs, "review_requested_at"), rs.getString("review_decision"), instant(rs, "reviewed_at"));
    }

    // log

    public void log(String id, String processId, String kind, String itemId, String title, String path,
            ModerationAction action, String ruleId, String reason, String actorId, Instant at) {
        jdbc.sql("""
                insert into moderation_log (id, process_id, kind, item_id, item_title, item_path, action, rule_id, reason,
                    actor_id, at)
                values (:id, :process, :kind, :item, :title, :path, :action, :rule, :reason, :actor, :at)""")
                .param("id", id).param("process", processId).param("kind", kind).param("item", itemId)
                .param("title", title).param("path", path).param("action", action.name()).param("rule", ruleId)
                .param("reason", reason).param("actor", actorId).param("at", Timestamp.from(at)).update();
    }

    public record LogRow(String id, ModerationAction action, String kind, String itemId, String title, String path,
            Integer ruleNumber, String ruleTitle, String reason, String actorId, Instant at) {}

    public List<LogRow> logPage(String processId, int limit, long offset) {
        return jdbc.sql("""
                select l.*, r.number, r.title as rule_title from moderation_log l
                left join moderation_rule r on r.id = l.rule_id
                where coalesce(l.process_id, '') = coalesce(:process, '') order by l.at desc, l.id desc
                limit :limit offset :offset""")
                .param("process", processId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new LogRow(rs.getString("id"), ModerationAction.valueOf(rs.getString("action")),
                        rs.getString("kind"), rs.getString("item_id"), rs.getString("item_title"),
                        rs.getString("item_path"), (Integer) rs.getObject("number"), rs.getString("rule_title"),
                        rs.getString("reason"), rs.getString("actor_id"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public long logCount(String processId) {
        return jdbc.sql("select count(*) from moderation_log where " + SCOPE).param("process", processId)
                .query(Long.class).single();
    }

    // spam guard

    /** Records a published text's fingerprint (no query back). */
    public void recordFingerprint(String kind, String itemId, String processId, String accountId, String hash,
            Instant at) {
        jdbc.sql("""
                insert into moderation_fingerprint (kind, item_id, process_id, account_id, hash, created_at)
                values (:kind, :item, :process, :account, :hash, :at) on conflict do nothing""")
                .param("kind", kind).param("item", itemId).param("process", processId).param("account", accountId)
                .param("hash", hash).param("at", Timestamp.from(at)).update();
    }

    /** What one round trip learns when a text is published: its fingerprint is recorded meanwhile. */
    public record Seen(boolean knownCampaign, int otherAccounts) {}

    /**
     * Records the fingerprint and, in the same statement, tells whether the text is a known campaign
     * in the scope and how many other accounts posted it (counting no further than {@code atMost}).
     */
    public Seen recordAndCount(String kind, String itemId, String processId, String accountId, String hash,
            Instant at, int atMost) {
        return jdbc.sql("""
                with recorded as (
                    insert into moderation_fingerprint (kind, item_id, process_id, account_id, hash, created_at)
                    values (:kind, :item, :process, :account, :hash, :at) on conflict do nothing returning 1)
                select exists(select 1 from moderation_campaign_text where scope = coalesce(:process, '')
                                  and hash = :hash),
                       (select count(*) from (select distinct account_id from moderation_fingerprint
                                              where coalesce(process_id, '') = coalesce(:process, '')
                                              and hash = :hash and account_id <> :account limit :limit) a),
                       (select count(*) from recorded)""")
                .param("kind", kind).param("item", itemId).param("process", processId).param("account", accountId)
                .param("hash", hash).param("at", Timestamp.from(at)).param("limit", atMost)
                .query((rs, n) -> new Seen(rs.getBoolean(1), rs.getInt(2))).single();
    }

    /** Whether this text was already found to be a campaign in the scope. */
    public boolean knownCampaign(String processId, String hash) {
        return jdbc.sql("select exists(select 1 from moderation_campaign_text where scope = coalesce(:process, '') "
                + "and hash = :hash)").param("process", processId).param("hash", hash).query(Boolean.class).single();
    }

    /** Marks the text as a campaign in the scope; false when another request did it first. */
    public boolean markCampaign(String processId, String hash, Instant at) {
        return jdbc.sql("""
                insert into moderation_campaign_text (scope, hash, flagged_at) values (coalesce(:process, ''), :hash, :at)
                on conflict do nothing""").param("process", processId).param("hash", hash)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** How many different accounts posted this text in the scope, counting no further than {@code atMost}. */
    public int accountsWithText(String processId, String hash, int atMost) {
        return jdbc.sql("select count(*) from (select distinct account_id from moderation_fingerprint where " + SCOPE
                + " and hash = :hash limit :limit) a").param("process", processId).param("hash", hash)
                .param("limit", atMost).query(Integer.class).single();
    }

    /** Records a published text's fingerprint; returns the items with the same one in the scope and their authors. */
    public List<String[]> fingerprint(String kind, String itemId, String processId, String accountId, String hash,
            Instant at) {
        jdbc.sql("""
                insert into moderation_fingerprint (kind, item_id, process_id, account_id, hash, created_at)
                values (:kind, :item, :process, :account, :hash, :at) on conflict do nothing""")
                .param("kind", kind).param("item", itemId).param("process", processId).param("account", accountId)
                .param("hash", hash).param("at", Timestamp.from(at)).update();
        return jdbc.sql("select kind, item_id, account_id from moderation_fingerprint where " + SCOPE
                + " and hash = :hash").param("process", processId).param("hash", hash)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package org.polylogue.synthesis.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Digests, their members, stored signatures and known stances. */
@Repository
public class DigestRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    DigestRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public Map<String, SynthesisEngine.Known> signatures(String consultationId) {
        Map<String, SynthesisEngine.Known> known = new HashMap<>();
        jdbc.sql("select input_key, text_hash, signature from synthesis_signature where consultation_id = :c")
                .param("c", consultationId).query(rs -> {
                    known.put(rs.getString(1), new SynthesisEngine.Known(rs.getLong(2), MinHash.fromBytes(rs.getBytes(3))));
                });
        return known;
    }

    public void saveSignatures(String consultationId, Map<String, SynthesisEngine.Known> computed) {
        List<Object[]> rows = new ArrayList<>();
        computed.forEach((key, known) -> rows.add(new Object[] {consultationId, key, known.textHash(),
            MinHash.toBytes(known.signature())}));
        template.batchUpdate("""
                insert into synthesis_signature (consultation_id, input_key, text_hash, signature) values (?, ?, ?, ?)
                on conflict (consultation_id, input_key) do update set text_hash = excluded.text_hash,
                    signature = excluded.signature""", rows);
    }

    /** Everything an incremental run starts from; null when there is no full analysis to start from. */
    public SynthesisEngine.Previous previous(String consultationId) {
        var info = jdbc.sql("select full_at, distinct_at_full, new_inputs, new_distinct, model from synthesis_model "
                + "where consultation_id = :c").param("c", consultationId)
                .query((rs, n) -> new Object[] {new SynthesisEngine.RunInfo(rs.getTimestamp(1).toInstant(), rs.getInt(2),
                    rs.getInt(3), rs.getInt(4)), rs.getBytes(5)}).optional();
        var digest = digest(consultationId);
        if (info.isEmpty() || digest.isEmpty()) {
            return null;
        }
        ThemeModel model = ThemeModel.fromBytes((byte[]) info.get()[1]);
        Map<String, SynthesisEngine.InputState> inputs = new HashMap<>();
        template.query(con -> {
            var statement = con.prepareStatement("select input_key, text_hash, bands, group_key, campaign_id, theme_id, "
                    + "closeness from synthesis_signature where consultation_id = ? and group_key is not null");
            statement.setString(1, consultationId);
            statement.setFetchSize(5_000);
            return statement;
        }, rs -> {
            byte[] bands = rs.getBytes(3);
            inputs.put(rs.getString(1), new SynthesisEngine.InputState(rs.getLong(2),
                    bands == null ? null : MinHash.fromBytes(bands), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getFloat(7)));
        });
        return new SynthesisEngine.Previous(digest.get(), inputs, model, (SynthesisEngine.RunInfo) info.get()[0]);
    }

    /** When the stored digest was computed (microseconds, as stored), if there is one. */
    public Optional<java.time.Instant> computedAt(String consultationId) {
        return jdbc.sql("select computed_at from synthesis_digest where consultation_id = :c")
                .param("c", consultationId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Stored signatures of some inputs. */
    public Map<String, long[]> signatures(String consultationId, java.util.Collection<String> keys) {
        Map<String, long[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 5_000) {
            jdbc.sql("select input_key, signature from synthesis_signature where consultation_id = :c "
                    + "and input_key in (:keys)").param("c", consultationId)
                    .param("keys", all.subList(from, Math.min(all.size(), from + 5_000)))
                    .query(rs -> {
                        found.put(rs.getString(1), MinHash.fromBytes(rs.getBytes(2)));
                    });
        }
        return found;
    }

    /** Stores what a run computed: signatures, input states, members, the digest and (full runs) the theme model. */
    public void saveRun(SynthesisEngine.Outcome outcome) {
        String c = outcome.digest().consultationId();
        if (outcome.full()) {
            jdbc.sql("update synthesis_signature set group_key = null, campaign_id = null, theme_id = null, "
                    + "closeness = 0 where consultation_id = :c and group_key is not null").param("c", c).update();
        } else if (!outcome.removed().isEmpty()) {
            List<Object[]> rows = outcome.removed().stream().map(key -> new Object[] {c, key}).toList();
            template.batchUpdate("update synthesis_signature set group_key = null, campaign_id = null, theme_id = null, "
                    + "closeness = 0 where consultation_id = ? and input_key = ?", rows);
        }
        saveSignatures(c, outcome.computed());
        List<Object[]> rows = new ArrayList<>();
        outcome.states().forEach((key, state) -> rows.add(new Object[] {MinHash.toBytes(state.bands()), state.group(),
            state.campaignId(), state.themeId(), state.closeness(), c, key}));
        template.batchUpdate("update synthesis_signature set bands = ?, group_key = ?, campaign_id = ?, theme_id = ?, "
                + "closeness = ? where consultation_id = ? and input_key = ?", rows);
        if (outcome.full()) {
            save(outcome.digest(), outcome.members());
            jdbc.sql("""
                    insert into synthesis_model (consultation_id, full_at, distinct_at_full, new_inputs, new_distinct, model)
                    values (:c, :at, :d, 0, 0, :model)
                    on conflict (consultation_id) do update set full_at = excluded.full_at,
                        distinct_at_full = excluded.distinct_at_full, new_inputs = 0, new_distinct = 0,
                        model = excluded.model""").param("c", c).param("at", Timestamp.from(outcome.info().fullAt()))
                    .param("d", outcome.info().distinctAtFull()).param("model", outcome.model().toBytes()).update();
            return;
        }
        saveDigest(outcome.digest());
        List<Object[]> gone = outcome.removedMembers().stream().map(key -> {
            int colon = key.indexOf(':');
            return new Object[] {c, key.substring(0, colon), key.substring(colon + 1)};
        }).toList();
        template.batchUpdate("delete from synthesis_member where consultation_id = ? and input_kind = ? and input_id = ?",
                gone);
        List<Object[]> members = new ArrayList<>();
        for (Member m : outcome.changedMembers()) {
            members.add(new Object[] {c, m.kind(), m.id(), m.themeId(), m.campaignId(), m.snippet(), m.organizationName(),
                m.at() == null ? null : Timestamp.from(m.at())});
        }
        template.batchUpdate("""
                insert into synthesis_member (consultation_id, input_kind, input_id, theme_id, campaign_id, snippet,
                    organization_name, at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (consultation_id, input_kind, input_id) do update set theme_id = excluded.theme_id,
                    campaign_id = excluded.campaign_id, snippet = excluded.snippet,
                    organization_name = excluded.organization_name, at = excluded.at""", members);
        jdbc.sql("update synthesis_model set new_inputs = :i, new_distinct = :d where consultation_id = :c")
                .param("i", outcome.info().newInputs()).param("d", outcome.info().newDistinct()).param("c", c).update();
    }

    private void saveDigest(Digest digest) {
        jdbc.sql("""
                insert into synthesis_digest (consultation_id, computed_at, inputs, body, stale)
                values (:c, :at, :n, :body, false)
                on conflict (consultation_id) do update set computed_at = excluded.computed_at, inputs = excluded.inputs,
                    body = excluded.body, stale = false""")
                .param("c", digest.consultationId()).param("at", Timestamp.from(digest.computedAt()))
                .param("n", digest.inputs()).param("body", json.writeValueAsString(digest)).update();
    }

    /** Replaces the digest and its members. */
    public void save(Digest digest, List<Member> members) {
        String c = digest.consultationId();
        saveDigest(digest);
        jdbc.sql("delete from synthesis_member where consultation_id = :c").param("c", c).update();
        List<Object[]> rows = new ArrayList<>();
        for (Member m : members) {
            rows.add(new Object[] {c, m.kind(), m.id(), m.themeId(), m.campaignId(), m.snippet(), m.organizationName(),
                m.at() == null ? null : Timestamp.from(m.at())});
        }
        template.batchUpdate("""
                insert into synthesis_member (consultation_id, input_kind, input_id, theme_id, campaign_id, snippet,
                    organization_name, at) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public Optional<Digest> digest(String consultationId) {
        return jdbc.sql("select body from synthesis_digest where consultation_id = :c").param("c", consultationId)
                .query(String.class).optional().map(body -> json.readValue(body, Digest.class));
    }

    public boolean exists(String consultationId) {
        return jdbc.sql("select count(*) from synthesis_digest where consultation_id = :c").param("c", consultationId)
                .query(Long.class).single() > 0;
    }

    public void markStale(String consultationId) {
        jdbc.sql("update synthesis_digest set stale = true where consultation_id = :c").param("c", consultationId)
                .update();
    }

    public boolean stale(String consultationId) {
        return jdbc.sql("select stale from synthesis_digest where consultation_id = :c").param("c", consultationId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Members of a theme or campaign ({@code column} "theme_id" or "campaign_id"), oldest first. */
    public List<Member> members(String consultationId, boolean campaign, String id, int limit, long offset) {
        String column = campaign ? "campaign_id" : "theme_id";
        return jdbc.sql("select input_kind, input_id, theme_id, campaign_id, snippet, organization_name, at "
                + "from synthesis_member where consultation_id = :c and " + column + " = :id "
                + "order by at, input_id limit :limit offset :offset")
                .param("c", consultationId).param("id", id).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), JobRepository.instant(rs, "at"))).list();
    }

    public long countMembers(String consultationId, boolean campaign, String id) {
        String column = campaign ? "campaign_id" : "theme_id";
        return jdbc.sql("select count(*) from synthesis_member where consultation_id = :c and " + column + " = :id")
                .param("c", consultationId).param("id", id).query(Long.class).single();
    }

    /** Ids of the comments in a theme or campaign, for the API. */
    public List<String> commentIds(String consultationId, boolean campaign, String id) {
        String column = campaign ? "campaign_id" : "theme_id";
        return jdbc.sql("select input_id from synthesis_member where consultation_id = :c and " + column + " = :id "
                + "and input_kind = 'comment' order by at, input_id").param("c", consultationId).param("id", id)
                .query(String.class).list();
    }

    public void recordStance(String consultationId, String paragraphId, String organizationId, String source,
            Input.Stance stance, java.time.Instant at) {
        jdbc.sql("""
                insert into synthesis_stance (consultation_id, paragraph_id, organization_id, source, stance, at)
                values (:c, :p, :o, :s, :stance, :at)
                on conflict (consultation_id, paragraph_id, organization_id, source) do update
                    set stance = excluded.stance, at = excluded.at where synthesis_stance.at <= excluded.at""")
                .param("c", consultationId).param("p", paragraphId).param("o", organizationId).param("s", source)
                .param("stance", stance.name()).param("at", Timestamp.from(at)).update();
    }

    public void removeStance(String consultationId, String paragraphId, String organizationId, String source) {
        jdbc.sql("delete from synthesis_stance where consultation_id = :c and paragraph_id = :p and organization_id = :o "
                + "and source = :s").param("c", consultationId).param("p", paragraphId).param("o", organizationId)
                .param("s", source).update();
    }

    /** Known stances: (paragraph, organisation, source, stance, at). */
    public List<String[]> stances(String consultationId) {
        return jdbc.sql("select paragraph_id, organization_id, source, stance, at from synthesis_stance "
                + "where consultation_id = :c").param("c", consultationId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant().toString()}).list();
    }
}

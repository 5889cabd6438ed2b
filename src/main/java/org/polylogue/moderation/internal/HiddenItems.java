package org.polylogue.moderation.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.polylogue.moderation.HiddenNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HiddenItems {

    private final JdbcClient jdbc;

    HiddenItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, HiddenNotice> find(String kind, Collection<String> ids) {
        Map<String, HiddenNotice> hidden = new HashMap<>();
        if (ids.isEmpty()) {
            return hidden;
        }
        jdbc.sql("select item_id, rule_title, reason, hidden_at from moderation_hidden where kind = :kind "
                + "and item_id = any(:ids)").param("kind", kind).param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    hidden.put(rs.getString(1), new HiddenNotice(rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                });
        return hidden;
    }
}

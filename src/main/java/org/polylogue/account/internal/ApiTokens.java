package org.polylogue.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.polylogue.shared.Ids;
import org.polylogue.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Personal API tokens: random, shown once, stored only as a SHA-256 hash, expiring. */
@Component
public class ApiTokens {

    static final String PREFIX = "plg_";
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String issue(String accountId, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into account_api_token (id, account_id, token_hash, name, created_at, expires_at)
                values (:id, :account, :hash, :name, :now, :expires)""")
                .param("id", Ids.next()).param("account", accountId).param("hash", hash(token))
                .param("name", name.length() > 100 ? name.substring(0, 100) : name)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        return token;
    }

    /** The actor a valid, unexpired token belongs to. */
    Optional<Actor> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        var found = jdbc.sql("""
                select p.id, p.display_name, p.administrator, t.id, t.last_used_at
                from account_api_token t join account_person p on p.id = t.account_id
                where t.token_hash = :hash and t.expires_at > :now and t.revoked_at is null""")
                .param("hash", hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Found(new Actor(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                        rs.getString(4), rs.getTimestamp(5)))
                .optional();
        // Touched once the query has given its connection back: touching from inside the row mapper
        // needed a second connection while holding the first, and concurrent first uses of as many
        // tokens as the pool has connections then waited on each other until the pool timed out.
        found.filter(f -> f.lastUsed() == null || f.lastUsed().toInstant().isBefore(now.minusSeconds(60)))
                .ifPresent(f -> touch(f.tokenId(), now));
        return found.map(Found::actor);
    }

    private record Found(Actor actor, String tokenId, Timestamp lastUsed) {}

    private void touch(String tokenId, Instant now) {
        jdbc.sql("update account_api_token set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", tokenId).update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

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
    private final org.springframework.context.ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public String issue(String accountId, String name) {
        return issue(accountId, name, LIFETIME).token();
    }

    /** A new token, as shown once to its owner, and its row. */
    public record Issued(String id, String name, Instant createdAt, Instant expiresAt, String token) {}

    /** A token as its owner sees it in a list; never the secret (only its hash is stored). */
    public record Row(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt) {}

    public Issued issue(String accountId, String name, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        String id = Ids.next();
        String stored = name.length() > 100 ? name.substring(0, 100) : name;
        jdbc.sql("""
                insert into account_api_token (id, account_id, token_hash, name, created_at, expires_at)
                values (:id, :account, :hash, :name, :now, :expires)""")
                .param("id", id).param("account", accountId).param("hash", hash(token))
                .param("name", stored)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lifetime))).update();
        return new Issued(id, stored, now, now.plus(lifetime), token);
    }

    /** The account's tokens, the newest first. */
    public java.util.List<Row> list(String accountId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at, revoked_at from account_api_token
                where account_id = :account order by created_at desc, id desc""")
                .param("account", accountId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    /** Revokes the account's token (idempotent); empty when the account has no token with this id. */
    public Optional<Row> revoke(String accountId, String tokenId) {
        jdbc.sql("""
                update account_api_token set revoked_at = :now
                where id = :id and account_id = :account and revoked_at is null""")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", tokenId).param("account", accountId)
                .update();
        return list(accountId).stream().filter(row -> row.id().equals(tokenId)).findFirst();
    }

    /** Revokes every live token of the account; returns how many. */
    public int revokeAll(String accountId) {
        return jdbc.sql("update account_api_token set revoked_at = :now where account_id = :account and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("account", accountId).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The actor a valid, unexpired token belongs to. */
    Optional<Actor> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        var row = jdbc.sql("""
                select p.id, p.display_name, p.administrator, t.id, t.last_used_at
                from account_api_token t join account_person p on p.id = t.account_id
                where t.token_hash = :hash and t.expires_at > :now and t.revoked_at is null""")
                .param("hash", hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> new TokenRow(new Actor(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                        rs.getString(4), rs.getTimestamp(5)))
                .optional();
        // recorded at most once a minute, after the read has given its connection back
        row.filter(r -> r.lastUsed() == null || r.lastUsed().toInstant().isBefore(now.minusSeconds(60)))
                .ifPresent(r -> touch(r.tokenId(), now));
        // the audit log learns of a token's use at most once an hour (first use after a quiet hour)
        row.filter(r -> r.lastUsed() == null || r.lastUsed().toInstant().isBefore(now.minus(Duration.ofHours(1))))
                .ifPresent(r -> events.publishEvent(new org.polylogue.shared.security.SecurityEvent(
                        org.polylogue.shared.security.SecurityEvent.Kind.TOKEN_USED, r.actor().accountId(),
                        "token:" + r.tokenId(), "")));
        return row.map(TokenRow::actor);
    }

    private record TokenRow(Actor actor, String tokenId, Timestamp lastUsed) {}

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

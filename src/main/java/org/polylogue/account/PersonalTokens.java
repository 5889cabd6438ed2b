package org.polylogue.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.polylogue.account.internal.ApiTokens;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own API tokens: list, create (the secret is shown once, stored as a SHA-256 hash) and
 * revoke. Nobody sees or revokes another person's token: it is "not found" to them.
 */
@Service
public class PersonalTokens {

    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalTokens(ApiTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    public List<TokenView> list(Actor actor) {
        Instant now = Instant.now(clock);
        return tokens.list(actor.accountId()).stream().map(row -> view(row, now)).toList();
    }

    /** Creates a token; refuses a lifetime other than 30, 90 or 365 days. The name is validated by the caller. */
    @Transactional
    public Result<IssuedToken> create(Actor actor, CreateToken request) {
        int days = request.expiresInDays() == null ? CreateToken.DEFAULT_LIFETIME : request.expiresInDays();
        if (!CreateToken.LIFETIMES.contains(days)) {
            return Result.rejected(Refusal.invalid("expiresInDays", "must be 30, 90 or 365"));
        }
        var issued = tokens.issue(actor.accountId(), request.name().strip(), Duration.ofDays(days));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.TOKEN_CREATED, actor.accountId(), "token:" + issued.id(),
                issued.name()));
        return Result.ok(new IssuedToken(issued.id(), issued.name(), issued.createdAt(), issued.expiresAt(),
                issued.token()));
    }

    /** Revokes the person's token at once (idempotent); "not found" for anyone else's or an unknown id. */
    @Transactional
    public Result<TokenView> revoke(Actor actor, String tokenId) {
        var row = tokens.revoke(actor.accountId(), tokenId);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("token-not-found", "There is no such token."));
        }
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.TOKEN_REVOKED, actor.accountId(), "token:" + tokenId,
                row.get().name()));
        return Result.ok(view(row.get(), Instant.now(clock)));
    }

    private static TokenView view(ApiTokens.Row row, Instant now) {
        String state = row.revokedAt() != null ? "revoked" : row.expiresAt().isAfter(now) ? "active" : "expired";
        return new TokenView(row.id(), row.name(), row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.revokedAt(),
                state);
    }
}

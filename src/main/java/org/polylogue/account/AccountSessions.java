package org.polylogue.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.polylogue.account.internal.AccountRepository;
import org.polylogue.account.internal.SignInSession;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in sessions (Spring Session JDBC, indexed by the principal name, which is the
 * account's email for every kind of sign-in): list them, end one, end all. A person only ever sees
 * and ends their own; another person's session is "not found".
 */
@Service
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AccountRepository accounts,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.events = events;
    }

    /** The person's sessions, the most recently active first; {@code currentSessionId} may be null. */
    public List<SessionView> list(Actor actor, String currentSessionId) {
        return own(actor).values().stream().map(s -> view(s, currentSessionId))
                .sorted(Comparator.comparing(SessionView::current).reversed()
                        .thenComparing(SessionView::lastActiveAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Ends the person's session named by {@code handle}. Ending the current session is left to the
     * caller (it signs out, which also clears the cookie): the result then has {@code current} set.
     */
    public Result<SessionView> revoke(Actor actor, String handle, String currentSessionId) {
        var session = own(actor).values().stream().filter(s -> handle(s.getId()).equals(handle)).findFirst();
        if (session.isEmpty()) {
            return Result.rejected(Refusal.notFound("session-not-found", "There is no such session."));
        }
        var view = view(session.get(), currentSessionId);
        if (!view.current()) {
            sessions.deleteById(session.get().getId());
        }
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SESSION_REVOKED, actor.accountId(),
                "account:" + actor.accountId(), view.device()));
        return Result.ok(view);
    }

    /** Ends every session of the person but the current one (the caller signs that one out); returns how many. */
    public int revokeAll(Actor actor, String currentSessionId) {
        var own = own(actor);
        own.keySet().stream().filter(id -> !id.equals(currentSessionId)).forEach(sessions::deleteById);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_OUT_EVERYWHERE, actor.accountId(),
                "account:" + actor.accountId(), own.size() + " sessions"));
        return own.size();
    }

    private Map<String, ? extends Session> own(Actor actor) {
        var account = accounts.find(actor.accountId());
        if (account.isEmpty()) {
            return Map.of();
        }
        return sessions.findByPrincipalName(account.get().email());
    }

    private static SessionView view(Session session, String currentSessionId) {
        Long signedIn = session.getAttribute(SignInSession.SIGNED_IN_AT);
        String device = session.getAttribute(SignInSession.DEVICE);
        return new SessionView(handle(session.getId()),
                signedIn == null ? session.getCreationTime() : Instant.ofEpochMilli(signedIn),
                session.getLastAccessedTime(), device == null ? "Unknown browser" : device,
                session.getId().equals(currentSessionId));
    }

    /** A name for a session that can be shown in a page without giving away the session id. */
    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

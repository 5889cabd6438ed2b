package org.polylogue.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A person who gave the right password of an account with a second factor, but not yet a code: kept
 * in the session instead of a signed-in security context, so they reach nothing that needs sign-in.
 *
 * @param continueTo where to go after the second step (a local path), or null for the saved request
 * @param failures wrong codes so far; after {@link #MAX_FAILURES} the password must be given again
 */
public record PendingSecondFactor(String accountId, String email, String continueTo, Instant startedAt, int failures)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String SESSION_ATTRIBUTE = "polylogue.pendingSecondFactor";
    public static final int MAX_FAILURES = 5;
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    /** The pending sign-in of this session, unless it is absent or older than ten minutes. */
    public static PendingSecondFactor of(HttpServletRequest request, Instant now) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof PendingSecondFactor pending)) {
            return null;
        }
        if (pending.startedAt().plus(LIFETIME).isBefore(now)) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            return null;
        }
        return pending;
    }

    public PendingSecondFactor failedOnce() {
        return new PendingSecondFactor(accountId, email, continueTo, startedAt, failures + 1);
    }

    public static void clear(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }
}

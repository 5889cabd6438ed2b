package org.polylogue.account.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends the page sessions of an account (Spring Session indexes them by the signed-in email). */
@Component
public class EndSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    EndSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account but {@code keepSessionId} (null: all); returns how many ended. */
    public int endAll(String email, String keepSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}

package org.polylogue.shared.web;

import org.polylogue.shared.security.Actor;

/**
 * What the page layout needs on every page: who is signed in (null when nobody is) and the CSRF
 * token that every form posts back.
 */
public record Layout(Actor actor, String csrfParameter, String csrfToken, String path) {

    public boolean signedIn() {
        return actor != null;
    }
}

package org.polylogue.shared.web;

import org.polylogue.shared.security.Actor;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the page layout needs on every page: who is signed in (null when nobody is) and the CSRF
 * token that every form posts back. The token is read only when a page renders a form: reading it
 * stores it in a session, and a visitor who only reads should not get one.
 *
 * @param csrf null where no form may be rendered with a token (pages shared by many visitors)
 */
public record Layout(Actor actor, CsrfToken csrf, String path) {

    public boolean signedIn() {
        return actor != null;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }
}

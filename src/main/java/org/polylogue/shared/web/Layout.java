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

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public boolean signedIn() {
        return actor != null;
    }

    /** The sign-in link, bringing the person back to this page afterwards. */
    public String signInHref() {
        return signInHref(path);
    }

    /** The sign-in link, bringing the person back to {@code back} afterwards. */
    public static String signInHref(String back) {
        if (back == null || back.equals("/") || back.startsWith("/sign-in") || back.startsWith("/register")
                || back.startsWith("/error")) {
            return "/sign-in";
        }
        return "/sign-in?continue=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.polylogue.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After signing in, go back where the person was: the {@code continue} field of the form (a path
 * on this site only, never another host), else the page that asked for sign-in, else home.
 */
public final class ContinueAfterSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        String target = request.getParameter("continue");
        if (isLocalPath(target)) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, target);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** A path on this site: starts with one slash, no scheme, no backslash, no control characters. */
    public static boolean isLocalPath(String target) {
        if (target == null || target.isEmpty() || target.length() > 500 || !target.startsWith("/")
                || target.startsWith("//") || target.contains("\\")) {
            return false;
        }
        return target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}

package org.polylogue.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * What a session remembers about its sign-in, for the person's list of sessions: when it happened and
 * a coarse device description. Plain JDK values, so that sessions stay readable across releases.
 * Runs for every kind of sign-in (password form, passkey, right after registering).
 */
public final class SignInSession implements SessionAuthenticationStrategy {

    public static final String DEVICE = "polylogue.device";
    public static final String SIGNED_IN_AT = "polylogue.signed-in-at";

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        remember(request);
    }

    public static void remember(HttpServletRequest request) {
        var session = request.getSession();
        session.setAttribute(DEVICE, DeviceDescription.of(request.getHeader("User-Agent")));
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
    }
}

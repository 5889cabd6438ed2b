package org.polylogue.account.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.polylogue.shared.security.ActorPrincipal;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;

/**
 * After a passkey sign-in: records it ({@code SIGN_IN}, detail "passkey") and answers the script with
 * Spring's {@code {"authenticated": true, "redirectUrl": ...}}. No second factor follows: the passkey
 * is possession and, with user verification required, knowledge or biometrics too.
 */
final class PasskeySignedIn implements AuthenticationSuccessHandler {

    private final ApplicationEventPublisher events;
    private final AuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();

    PasskeySignedIn(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            String accountId = principal.actor().accountId();
            events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_IN, accountId, "account:" + accountId,
                    "passkey"));
        }
        answer.onAuthenticationSuccess(request, response, authentication);
    }
}

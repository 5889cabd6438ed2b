package org.polylogue.account.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.polylogue.shared.security.ActorPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a right password: an account without a second factor is signed in at once; for one with TOTP
 * the security context just saved is taken back and a {@link PendingSecondFactor} is kept in the
 * session instead, and the person is sent to {@code /sign-in/second-factor}.
 *
 * <p>Why not Spring Security 7's multi-factor support (FactorGrantedAuthority and required factors):
 * it expresses "this URL needs factors X and Y" in the authorization rules, but here TOTP is optional
 * per account and access is decided by {@code @RequiresSignIn} reading the Actor from whatever
 * Authentication is present. A password-only Authentication in the context would count as signed in
 * for every such check unless each learnt about factors; keeping no Authentication at all until the
 * second step fails closed. Passkey sign-in has its own success handler and never passes here.
 */
@Component
public class SecondFactorGate implements AuthenticationSuccessHandler {

    public static final String SECOND_STEP = "/sign-in/second-factor";

    private final SecondFactors factors;
    private final Clock clock;
    private final AuthenticationSuccessHandler signedIn = new ContinueAfterSignIn();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private final org.springframework.context.ApplicationEventPublisher events;

    SecondFactorGate(SecondFactors factors, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.factors = factors;
        this.clock = clock;
        this.events = events;
    }

    private void signedIn(Authentication authentication, String method) {
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            String id = principal.actor().accountId();
            events.publishEvent(new org.polylogue.shared.security.SecurityEvent(
                    org.polylogue.shared.security.SecurityEvent.Kind.SIGN_IN, id, "account:" + id, method));
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        // Fail closed: the password filter has already saved a signed-in context. Take it back before
        // anything that can fail (the database), and give it back only once no second factor is due.
        var authenticated = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        if (!(authentication.getPrincipal() instanceof ActorPrincipal principal)
                || !factors.enabled(principal.actor().accountId())) {
            SecurityContextHolder.setContext(authenticated);
            contexts.saveContext(authenticated, request, response);
            signedIn(authentication, "password");
            signedIn.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        String continueTo = request.getParameter("continue");
        request.getSession().setAttribute(PendingSecondFactor.SESSION_ATTRIBUTE, new PendingSecondFactor(
                principal.actor().accountId(), authentication.getName(),
                ContinueAfterSignIn.isLocalPath(continueTo) ? continueTo : null, Instant.now(clock), 0));
        response.sendRedirect(SECOND_STEP);
    }

    /** Finishes the sign-in after the second step: back to where the person was going. */
    public void continueAfterSecondFactor(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication, String continueTo) throws IOException, ServletException {
        signedIn(authentication, "password and authenticator code");
        if (ContinueAfterSignIn.isLocalPath(continueTo)) {
            response.sendRedirect(continueTo);
            return;
        }
        signedIn.onAuthenticationSuccess(request, response, authentication);
    }
}

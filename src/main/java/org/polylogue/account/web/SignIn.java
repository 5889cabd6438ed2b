package org.polylogue.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a person in right after registration or the second step of sign-in, as the sign-in form would. */
@Component
class SignIn {

    private final UserDetailsService users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final org.springframework.security.web.csrf.CsrfAuthenticationStrategy csrf =
            new org.springframework.security.web.csrf.CsrfAuthenticationStrategy(
                    new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository());

    SignIn(UserDetailsService users) {
        this.users = users;
    }

    org.springframework.security.core.Authentication signIn(String email, HttpServletRequest request,
            HttpServletResponse response) {
        var principal = users.loadUserByUsername(email);
        if (principal instanceof org.springframework.security.core.CredentialsContainer credentials) {
            credentials.eraseCredentials();
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        org.polylogue.account.internal.SignInSession.remember(request);
        repository.saveContext(context, request, response);
        csrf.onAuthentication(authentication, request, response);
        return authentication;
    }
}

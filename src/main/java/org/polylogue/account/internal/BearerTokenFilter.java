package org.polylogue.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.polylogue.shared.security.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} on the API; a bad token is a 401 at once. */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String UNAUTHENTICATED = "{\"type\":\"https://polylogue.org/problems/unauthenticated\","
            + "\"title\":\"Authentication required.\",\"status\":401,"
            + "\"detail\":\"Send Authorization: Bearer <token>; get a token from POST /api/v1/auth/tokens.\"}";
    private static final String INVALID = "{\"type\":\"https://polylogue.org/problems/invalid-token\","
            + "\"title\":\"The bearer token is invalid, expired or revoked.\",\"status\":401,"
            + "\"detail\":\"Get a new token from POST /api/v1/auth/tokens.\"}";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var actor = tokens.authenticate(header.substring(7).strip());
        if (actor.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            response.getOutputStream().write(INVALID.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Actor a = actor.get();
        var principal = new TokenPrincipal(a);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(a.administrator() ? "ROLE_ADMINISTRATOR" : "ROLE_PERSON")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record TokenPrincipal(Actor actor) implements org.polylogue.shared.security.ActorPrincipal {}
}

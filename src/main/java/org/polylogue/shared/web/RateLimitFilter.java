package org.polylogue.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.shared.security.TooManyRequestsException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing is stopped before the security filters see the request (the password form is
 * handled there, not by a controller): per client address, and per account for the form (keyed by
 * the email typed, so guessing from many addresses is slowed too). Passkey sign-in is not limited
 * here, so an attacker hammering someone's password cannot lock the owner out. Other routes are
 * limited by {@link org.polylogue.shared.security.RateLimited} on their handlers.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;

    public RateLimitFilter(RateLimiter limiter, ApplicationEventPublisher events) {
        this.limiter = limiter;
        this.events = events;
    }

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded path, as the security filters match it: /sign%2Din is /sign-in
        return !"POST".equalsIgnoreCase(request.getMethod()) || !isPasswordSignIn(path(request));
    }

    static String path(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static boolean isPasswordSignIn(String path) {
        return path.equals("/sign-in") || path.equals("/api/v1/auth/tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = path(request).startsWith("/api/");
        Optional<Duration> wait = limiter.tryConsume(RateLimit.SIGN_IN_PER_ADDRESS,
                RateLimiter.addressKey(request.getRemoteAddr()));
        RateLimit exhausted = RateLimit.SIGN_IN_PER_ADDRESS;
        if (wait.isEmpty() && !api) {
            // the API's email is in the JSON body; the account module checks that budget itself
            String email = request.getParameter("email");
            wait = limiter.tryConsume(RateLimit.SIGN_IN_PER_ACCOUNT, normalize(email));
            exhausted = RateLimit.SIGN_IN_PER_ACCOUNT;
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var refusal = new TooManyRequestsException(exhausted, wait.get());
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGN_IN_RATE_LIMITED, null, null, exhausted.key()));
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        if (api) {
            response.setStatus(429);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"" + Problems.TYPE_BASE + "too-many-requests\","
                    + "\"title\":\"Too many requests.\",\"status\":429,\"detail\":\"Too many sign-in attempts. Try again in "
                    + refusal.retryAfterText() + ".\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        // back to the form, which explains the wait and offers passkey sign-in (which is not limited)
        String continueTo = request.getParameter("continue");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/sign-in?locked=" + refusal.retryAfterSeconds()
                + (continueTo != null && continueTo.startsWith("/") && !continueTo.startsWith("//")
                        ? "&continue=" + URLEncoder.encode(continueTo, StandardCharsets.UTF_8) : ""));
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, ApplicationEventPublisher events) {
            var registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, events));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}

package org.polylogue.shared.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per client address on what attackers abuse first: password guessing (sign-in and
 * token requests) and mass registration. Answers 429 with Retry-After; problem details on the API.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** What is limited, how much per period. */
    public record Limits(int signInsPerMinute, int registrationsPerHour) {}

    private static final int MAX_CLIENTS = 50_000;

    private final Limits limits;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public RateLimitFilter(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || kind(request.getRequestURI()) == null;
    }

    static String kind(String path) {
        return switch (path) {
            case "/sign-in", "/api/v1/auth/tokens" -> "sign-in";
            case "/register", "/api/v1/accounts" -> "register";
            default -> null;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String kind = kind(request.getRequestURI());
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(kind + " " + request.getRemoteAddr(), key -> newBucket(kind));
        }
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"" + Problems.TYPE_BASE + "too-many-requests\","
                    + "\"title\":\"Too many requests.\",\"status\":429,\"detail\":\"Try again in " + seconds
                    + " seconds.\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Too many attempts from your address. Please try again in " + seconds
                    + " seconds.").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Bucket newBucket(String kind) {
        Bandwidth bandwidth = kind.equals("sign-in")
                ? Bandwidth.builder().capacity(limits.signInsPerMinute()).refillGreedy(limits.signInsPerMinute(),
                        Duration.ofMinutes(1)).build()
                : Bandwidth.builder().capacity(limits.registrationsPerHour()).refillGreedy(limits.registrationsPerHour(),
                        Duration.ofHours(1)).build();
        return Bucket.builder().addLimit(bandwidth).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
                @Value("${polylogue.rate-limit.sign-ins-per-minute:20}") int signIns,
                @Value("${polylogue.rate-limit.registrations-per-hour:30}") int registrations) {
            var registration = new FilterRegistrationBean<>(new RateLimitFilter(new Limits(signIns, registrations)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}

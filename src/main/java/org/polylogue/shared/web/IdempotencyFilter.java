package org.polylogue.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.polylogue.shared.security.Actor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for API writes: the same key and body from the same account returns the
 * first answer and creates nothing new; the same key with another body is refused. A key is
 * reserved before the request runs, so two concurrent retries cannot both create.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;

    IdempotencyFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || !(method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = ActorArgumentResolver.currentActor();
        String key = request.getHeader(HEADER);
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            problem(response, 400, "invalid-idempotency-key", "Idempotency-Key must be 1 to 200 characters.");
            return;
        }
        var cached = new CachedBodyRequest(request);
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), cached.body());
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(500) == 0) {
            // keys are kept for a day; a reservation older than five minutes was abandoned (crash)
            jdbc.sql("""
                    delete from shared_idempotency_key
                    where created_at < now() - interval '24 hours' or (status is null and created_at < now() - interval '5 minutes')""")
                    .update();
        }
        jdbc.sql("""
                delete from shared_idempotency_key where account_id = :account and idempotency_key = :key
                  and status is null and created_at < now() - interval '5 minutes'""")
                .param("account", actor.accountId()).param("key", key).update();
        try {
            jdbc.sql("""
                    insert into shared_idempotency_key (account_id, idempotency_key, fingerprint, created_at)
                    values (:account, :key, :fingerprint, now())""")
                    .param("account", actor.accountId()).param("key", key).param("fingerprint", fingerprint).update();
        } catch (DuplicateKeyException alreadyUsed) {
            replay(actor, key, fingerprint, response);
            return;
        }
        var wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(cached, wrapper);
            // errors without a body (sent through the error page) are not kept: a retry gets a fresh answer
            if (wrapper.getStatus() < 500 && (wrapper.getStatus() < 400 || wrapper.getContentSize() > 0)) {
                jdbc.sql("""
                        update shared_idempotency_key set status = :status, content_type = :type, body = :body,
                               location = :location
                        where account_id = :account and idempotency_key = :key""")
                        .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                        .param("location", wrapper.getHeader("Location"))
                        .param("body", wrapper.getContentAsByteArray())
                        .param("account", actor.accountId()).param("key", key).update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("delete from shared_idempotency_key where account_id = :account and idempotency_key = :key")
                        .param("account", actor.accountId()).param("key", key).update();
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(Actor actor, String key, String fingerprint, HttpServletResponse response) throws IOException {
        var row = jdbc.sql("""
                select fingerprint, status, content_type, body, location from shared_idempotency_key
                where account_id = :account and idempotency_key = :key""")
                .param("account", actor.accountId()).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)))
                .optional().orElse(null);
        if (row == null || row.status() == null) {
            problem(response, 409, "idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.");
            return;
        }
        if (!row.fingerprint().equals(fingerprint)) {
            problem(response, 422, "idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request.");
            return;
        }
        response.setStatus(row.status());
        if (row.contentType() != null) {
            response.setContentType(row.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (row.location() != null) {
            response.setHeader("Location", row.location());
        }
        if (row.body() != null) {
            response.getOutputStream().write(row.body());
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String title) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + title + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    static String fingerprint(String method, String uri, String query, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + uri + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String fingerprint, Integer status, String contentType, byte[] body, String location) {}

    /** Reads the body once and lets the controller read it again. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = StreamUtils.copyToByteArray(request.getInputStream());
        }

        byte[] body() {
            return body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            var in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc) {
            var registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc));
            registration.setOrder(0);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}

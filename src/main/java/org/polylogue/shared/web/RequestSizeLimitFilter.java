package org.polylogue.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than the route needs before anything reads them, so nobody can fill the
 * server's memory: {@code 413} problem details. Imports get a larger allowance.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long importLimit;
    private final long uploadLimit;
    private final long transcriptLimit;

    RequestSizeLimitFilter(long jsonLimit, long importLimit) {
        this(jsonLimit, importLimit, jsonLimit, jsonLimit);
    }

    RequestSizeLimitFilter(long jsonLimit, long importLimit, long uploadLimit) {
        this(jsonLimit, importLimit, uploadLimit, jsonLimit);
    }

    RequestSizeLimitFilter(long jsonLimit, long importLimit, long uploadLimit, long transcriptLimit) {
        this.jsonLimit = jsonLimit;
        this.importLimit = importLimit;
        this.uploadLimit = uploadLimit;
        this.transcriptLimit = transcriptLimit;
    }

    /** {@code /api/v1/meetings/{slug}/transcript}: the transcript module reads at most its limit + 1 byte itself. */
    private static final java.util.regex.Pattern TRANSCRIPT = java.util.regex.Pattern
            .compile("/api/v1/meetings/[^/]+/transcript");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/import") ? importLimit : jsonLimit;
        // file uploads (written submissions, draft versions) are multipart: the submission module's limit, plus the form fields
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && (request.getRequestURI().endsWith("/submissions") || request.getRequestURI().endsWith("/versions"))) {
            limit = uploadLimit;
        }
        // a transcript over its own limit gets the transcript module's problem (transcript-too-large), not this one
        if (TRANSCRIPT.matcher(request.getRequestURI()).matches()) {
            limit = Math.max(limit, transcriptLimit);
        }
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > limit || chunked) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String detail = chunked ? "Send the body with a Content-Length." : "The body is " + length
                    + " bytes; this route accepts at most " + limit + " bytes.";
            response.getOutputStream().write(("{\"type\":\"" + Problems.TYPE_BASE + "payload-too-large\","
                    + "\"title\":\"The request body is too large.\",\"status\":413,\"detail\":\"" + detail + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
                @Value("${polylogue.api.max-body-bytes:8388608}") long jsonLimit,
                @Value("${polylogue.api.max-import-bytes:67108864}") long importLimit,
                @Value("${polylogue.submission.max-bytes:20971520}") long uploadLimit,
                @Value("${polylogue.transcript.max-size:5MB}") DataSize transcriptLimit) {
            // the transcript limit plus a margin, so that a body just over it reaches the transcript module
            var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(jsonLimit, importLimit,
                    uploadLimit + 1024 * 1024, transcriptLimit.toBytes() + 1024 * 1024));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}

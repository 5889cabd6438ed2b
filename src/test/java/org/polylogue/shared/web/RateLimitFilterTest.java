package org.polylogue.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final List<Object> events = new ArrayList<>();
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimiter(new MockEnvironment()
            .withProperty("polylogue.rate-limit.sign-in-per-address", "3/PT1M")
            .withProperty("polylogue.rate-limit.sign-in-per-account", "2/PT15M")), events::add);

    @Test
    void passwordGuessingFromOneAddressIsSlowedDownWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/auth/tokens", "203.0.113.7", null).getStatus()).isEqualTo(200);
        }
        var refused = post("/api/v1/auth/tokens", "203.0.113.7", null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("too-many-requests");
        assertThat(post("/sign-in", "203.0.113.7", "a@example.org").getStatus()).as("the page form shares the budget")
                .isEqualTo(303);
        assertThat(post("/api/v1/auth/tokens", "198.51.100.1", null).getStatus())
                .as("other addresses are not affected").isEqualTo(200);
        assertThat(events).hasSize(2).allMatch(e -> ((SecurityEvent) e).kind() == SecurityEvent.Kind.SIGN_IN_RATE_LIMITED);
    }

    @Test
    void guessingOnePasswordFromManyAddressesIsLimitedPerAccountAndSentBackToTheForm() throws Exception {
        assertThat(post("/sign-in", "192.0.2.1", "Owner@Example.org").getStatus()).isEqualTo(200);
        assertThat(post("/sign-in", "192.0.2.2", "owner@example.org ").getStatus()).isEqualTo(200);
        var refused = post("/sign-in", "192.0.2.3", "owner@example.org");
        assertThat(refused.getStatus()).isEqualTo(303);
        assertThat(refused.getHeader("Location")).startsWith("/sign-in?locked=").endsWith("&continue=%2Fconsultations%2Fx");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(60L, 900L);
        assertThat(post("/sign-in", "192.0.2.3", "someone-else@example.org").getStatus()).isEqualTo(200);
    }

    @Test
    void otherRoutesAreNotLimitedHere() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/v1/consultations/x/comments", "192.0.2.1", null).getStatus()).isEqualTo(200);
            assertThat(post("/login/webauthn", "192.0.2.1", null).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void encodedAndTrailingSlashVariantsOfTheSignInPathAreTheSamePath() throws Exception {
        for (String variant : new String[] {"/sign%2Din", "/sign-%69n", "/sign-in/", "/sign-in;x=1"}) {
            var request = new MockHttpServletRequest("POST", variant);
            request.setRequestURI(variant);
            org.assertj.core.api.Assertions.assertThat(RateLimitFilter.path(request)).as(variant).isEqualTo("/sign-in");
        }
    }

    private MockHttpServletResponse post(String path, String address, String email) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        request.setRemoteAddr(address);
        if (email != null) {
            request.setParameter("email", email);
            request.setParameter("continue", "/consultations/x");
        }
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

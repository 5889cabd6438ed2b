package org.polylogue.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitFilter.Limits(3, 2));

    @Test
    void passwordGuessingFromOneAddressIsSlowedDownWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/auth/tokens", "203.0.113.7").getStatus()).isEqualTo(200);
        }
        var refused = post("/api/v1/auth/tokens", "203.0.113.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("too-many-requests");
        assertThat(post("/sign-in", "203.0.113.7").getStatus()).as("the page form shares the budget").isEqualTo(429);
        assertThat(post("/api/v1/auth/tokens", "198.51.100.1").getStatus()).as("other addresses are not affected")
                .isEqualTo(200);
    }

    @Test
    void registrationsAreLimitedPerAddressAndOtherRoutesAreNot() throws Exception {
        assertThat(post("/register", "192.0.2.1").getStatus()).isEqualTo(200);
        assertThat(post("/api/v1/accounts", "192.0.2.1").getStatus()).isEqualTo(200);
        assertThat(post("/register", "192.0.2.1").getStatus()).isEqualTo(429);
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/v1/consultations/x/comments", "192.0.2.1").getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse post(String path, String address) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

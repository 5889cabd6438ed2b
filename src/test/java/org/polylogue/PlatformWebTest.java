package org.polylogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What outside checks read of the platform itself: health and the API description. */
@PolylogueTest
class PlatformWebTest {

    @LocalServerPort
    int port;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void healthIsUp() {
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).contains("json");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentListsTheRoutes() {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        var paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/accounts", "/api/v1/auth/tokens",
                "/api/v1/accounts/verification", "/api/v1/accounts/me", "/api/v1/dev/mailbox", "/api/v1/organizations",
                "/api/v1/organizations/{id}", "/api/v1/organizations/{id}/members", "/api/v1/processes",
                "/api/v1/processes/{slug}", "/api/v1/processes/{process}/consultations",
                "/api/v1/consultations/{slug}", "/api/v1/consultations/{slug}/comments",
                "/api/v1/consultations/{slug}/comments/import");
        assertThat(paths.get("/api/v1/consultations/{slug}").has("patch")).isTrue();
        assertThat(paths.propertyNames()).noneMatch(path -> !path.startsWith("/api/"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        var home = api.send("GET", "/", null, null, null, java.util.Map.of());
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}

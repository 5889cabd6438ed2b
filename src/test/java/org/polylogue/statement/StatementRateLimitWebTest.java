package org.polylogue.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.RateLimitedPolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Drafting and signing statements spend one budget per account (here 2 an hour); beyond it, 429 and nothing stored. */
@RateLimitedPolylogueTest
class StatementRateLimitWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aThirdDraftWithinTheHourIsRefusedWithRetryAfter() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String token = api.registerAndSignIn("Busy Drafter");
        String organization = fixtures.organization(token, "Busy Collective", "CIVIL_SOCIETY", "KE");
        var body = Map.of("title", "T", "body", "B", "organizationId", organization);
        assertThat(api.post("/api/v1/statements", body, token).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/statements", body, token).status()).isEqualTo(201);
        var refused = api.post("/api/v1/statements", body, token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(api.get("/api/v1/statements?size=10", token).status()).isEqualTo(200);
    }
}

package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PolylogueTest
class TokenApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedSecurityEvents events;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void aPersonCreatesAListedTokenThatWorksAndIsShownOnlyOnce() {
        String token = api.registerAndSignIn("Script Writer");
        String accountId = api.get("/api/v1/accounts/me", token).json().get("id").asString();

        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Import script", "expiresInDays", 30), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/me/tokens/" + created.json().get("id").asString());
        assertThat(created.header("Cache-Control")).contains("no-store");
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("plg_");
        assertThat(java.time.Duration.between(java.time.Instant.parse(created.json().get("createdAt").asString()),
                java.time.Instant.parse(created.json().get("expiresAt").asString())).toDays()).isEqualTo(30);

        assertThat(api.get("/api/v1/accounts/me", secret).json().get("id").asString()).isEqualTo(accountId);

        var list = api.get("/api/v1/accounts/me/tokens", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain("\"token\"");
        JsonNode item = item(list.json(), created.json().get("id").asString());
        assertThat(item.get("name").asString()).isEqualTo("Import script");
        assertThat(item.get("state").asString()).isEqualTo("active");
        assertThat(item.get("lastUsedAt").isNull()).as("used just now").isFalse();
        assertThat(list.json().get("total").asInt()).isEqualTo(2);

        // only the hash is stored
        assertThat(jdbc.sql("select count(*) from account_api_token where token_hash = convert_to(:t, 'UTF8')")
                .param("t", secret).query(Long.class).single()).isZero();
        assertThat(events.of(SecurityEvent.Kind.TOKEN_CREATED, accountId)).extracting(SecurityEvent::detail)
                .contains("Import script");
    }

    @Test
    void theDefaultLifetimeIsNinetyDaysAndOthersAreRefused() {
        String token = api.registerAndSignIn("Lifetimes");
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Default"), token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(java.time.Duration.between(java.time.Instant.parse(created.json().get("createdAt").asString()),
                java.time.Instant.parse(created.json().get("expiresAt").asString())).toDays()).isEqualTo(90);

        assertProblem(api.post("/api/v1/accounts/me/tokens", Map.of("name", "Forever", "expiresInDays", 100000), token),
                400, "invalid-input", "expiresInDays");
        assertProblem(api.post("/api/v1/accounts/me/tokens", Map.of("name", " ", "expiresInDays", 30), token), 400,
                "invalid-input", "name");
        assertProblem(api.post("/api/v1/accounts/me/tokens", Map.of("name", "x".repeat(101)), token), 400,
                "invalid-input", "name");
        assertThat(api.get("/api/v1/accounts/me/tokens", token).json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceWithProblemDetails() {
        String token = api.registerAndSignIn("Revoker");
        String accountId = api.get("/api/v1/accounts/me", token).json().get("id").asString();
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Leaked"), token);
        String secret = created.json().get("token").asString();
        String id = created.json().get("id").asString();

        var revoked = delete("/api/v1/accounts/me/tokens/" + id, token);
        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/accounts/me", secret), 401, "invalid-token", null);
        assertThat(item(api.get("/api/v1/accounts/me/tokens", token).json(), id).get("state").asString())
                .isEqualTo("revoked");
        assertThat(delete("/api/v1/accounts/me/tokens/" + id, token).status()).as("idempotent").isEqualTo(204);
        assertThat(events.of(SecurityEvent.Kind.TOKEN_REVOKED, accountId)).isNotEmpty();

        // a token can revoke itself
        var self = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Self"), token);
        String selfSecret = self.json().get("token").asString();
        assertThat(delete("/api/v1/accounts/me/tokens/" + self.json().get("id").asString(), selfSecret).status())
                .isEqualTo(204);
        assertProblem(api.get("/api/v1/accounts/me/tokens", selfSecret), 401, "invalid-token", null);
    }

    @Test
    void anExpiredTokenIsRefusedWithProblemDetails() {
        String token = api.registerAndSignIn("Expired");
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Old", "expiresInDays", 30), token);
        jdbc.sql("update account_api_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", created.json().get("id").asString()).update();
        assertProblem(api.get("/api/v1/accounts/me", created.json().get("token").asString()), 401, "invalid-token", null);
        assertThat(item(api.get("/api/v1/accounts/me/tokens", token).json(), created.json().get("id").asString())
                .get("state").asString()).isEqualTo("expired");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        String token = api.registerAndSignIn("Frequent");
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Busy"), token);
        String id = created.json().get("id").asString();
        String secret = created.json().get("token").asString();
        assertThat(lastUsed(id)).isNull();

        api.get("/api/v1/accounts/me", secret);
        var first = lastUsed(id);
        assertThat(first).isNotNull();
        api.get("/api/v1/accounts/me", secret);
        assertThat(lastUsed(id)).as("not written again within a minute").isEqualTo(first);

        jdbc.sql("update account_api_token set last_used_at = now() - interval '2 minutes' where id = :id")
                .param("id", id).update();
        var old = lastUsed(id);
        api.get("/api/v1/accounts/me", secret);
        assertThat(lastUsed(id)).isAfter(old);
    }

    @Test
    void nobodyListsOrRevokesAnotherPersonsToken() {
        String owner = api.registerAndSignIn("Owner");
        String intruder = api.registerAndSignIn("Intruder");
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Private"), owner);
        String id = created.json().get("id").asString();

        assertProblem(delete("/api/v1/accounts/me/tokens/" + id, intruder), 404, "token-not-found", null);
        assertThat(api.get("/api/v1/accounts/me/tokens", intruder).body()).doesNotContain(id).doesNotContain("Private");
        assertThat(api.get("/api/v1/accounts/me", created.json().get("token").asString()).status())
                .as("still works").isEqualTo(200);
        assertThat(item(api.get("/api/v1/accounts/me/tokens", owner).json(), id).get("state").asString())
                .isEqualTo("active");

        assertProblem(delete("/api/v1/accounts/me/tokens/unknown", owner), 404, "token-not-found", null);
        assertProblem(api.get("/api/v1/accounts/me/tokens"), 401, "unauthenticated", null);
        assertProblem(api.post("/api/v1/accounts/me/tokens", Map.of("name", "Anonymous"), null), 401, "unauthenticated",
                null);
    }

    private java.time.OffsetDateTime lastUsed(String id) {
        return jdbc.sql("select last_used_at from account_api_token where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).list().getFirst();
    }

    private TestApi.Response delete(String path, String token) {
        return api.send("DELETE", path, null, token, null, Map.of());
    }

    private static JsonNode item(JsonNode list, String id) {
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no token " + id + " in " + list);
    }
}

package org.polylogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for web tests: JSON in, status and JSON out. */
public final class TestApi {

    /** A response: status, headers, body as text and as JSON (null when not JSON). */
    public record Response(int status, String contentType, String body, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** The password of every person registered by tests. */
    public static final String PASSWORD = "correct horse battery";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public TestApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send("GET", path, null, null, "application/json", Map.of());
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, "application/json", Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, json(body), token, "application/json", Map.of());
    }

    public Response post(String path, Object body, String token, Map<String, String> headers) {
        return send("POST", path, json(body), token, "application/json", headers);
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, json(body), token, "application/json", Map.of());
    }

    public Response postRaw(String path, String body, String contentType, String token) {
        return send("POST", path, body, token, contentType, Map.of());
    }

    public Response send(String method, String path, String body, String token, String contentType,
            Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, application/problem+json");
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), type, response.body(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body == null) {
            return null;
        }
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    /** Registers a new person and returns a bearer token for them. */
    public String registerAndSignIn(String displayName) {
        String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var registered = post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD,
                "displayName", displayName), null);
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.body());
        }
        confirmEmail(email);
        return token(email, PASSWORD);
    }

    /** Opens the verification link of the newest mail to this address, as the person would. */
    public void confirmEmail(String email) {
        var pattern = java.util.regex.Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
        for (JsonNode mail : get("/api/v1/dev/mailbox?size=500").json().get("items")) {
            if (mail.get("to").asString().equals(email)) {
                var matcher = pattern.matcher(mail.get("text").asString());
                if (matcher.find()) {
                    var confirmed = post("/api/v1/accounts/verification", Map.of("token", matcher.group(1)), null);
                    if (confirmed.status() != 200) {
                        throw new IllegalStateException("verification failed: " + confirmed.body());
                    }
                    return;
                }
            }
        }
        throw new IllegalStateException("No verification mail to " + email);
    }

    public String token(String email, String password) {
        var token = post("/api/v1/auth/tokens", Map.of("email", email, "password", password), null);
        if (token.status() != 201) {
            throw new IllegalStateException("token failed: " + token.body());
        }
        return token.json().get("token").asString();
    }

    /**
     * Asserts an RFC 9457 problem: the status, {@code application/problem+json}, a type ending in
     * {@code type}, a title and a detail, and (unless {@code field} is null) an error about that field.
     */
    public static void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().propertyNames()).as(response.body()).contains("type", "title", "status", "detail");
        assertThat(response.json().get("type").asString()).endsWith(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
        }
    }
}

package org.polylogue.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headers, cookies and sessions as an attacker or a careless proxy would probe them. */
@PolylogueTest
class SecurityHeadersWebTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    org.polylogue.stakeholder.Organizations organizations;

    TestApi api;
    Fixtures fixtures;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoFraming() throws Exception {
        var response = get("/", null, Map.of());
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.body()).as("no inline scripts or event handlers").doesNotContain("<script>")
                .doesNotContainPattern("\\son[a-z]+=\"");
        var apiResponse = get("/api/v1/processes", null, Map.of());
        assertThat(apiResponse.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
    }

    @Test
    void hstsAndSecureCookiesWhenServedOverHttpsBehindAProxy() throws Exception {
        var plain = get("/sign-in", null, Map.of());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        var https = get("/sign-in", null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(https.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=31536000").contains("includeSubDomains");
        String cookie = https.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        String plainCookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(plainCookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void privatePagesAreNeverCachedAndSignInChangesTheSessionId() throws Exception {
        String email = fixtures.person("Careful Person");
        var form = get("/sign-in", null, Map.of());
        String before = sessionCookie(form);
        String csrf = csrf(form.body());
        var signedIn = post("/sign-in", before, Map.of("email", email, "password", TestApi.PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String after = sessionCookie(signedIn);
        assertThat(after).as("session fixation: a new session id at sign-in").isNotNull().isNotEqualTo(before);
        assertThat(get("/account", before, Map.of()).statusCode()).as("the old id is worthless").isEqualTo(302);

        var account = get("/account", after, Map.of());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        var mine = get("/me/contributions", after, Map.of());
        assertThat(mine.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        String email = fixtures.person("Victim Of Forgery");
        var form = get("/sign-in", null, Map.of());
        var signedIn = post("/sign-in", sessionCookie(form), Map.of("email", email, "password", TestApi.PASSWORD,
                "_csrf", csrf(form.body())));
        String session = sessionCookie(signedIn);
        long organizationsBefore = organizations.count();
        // the browser sends the victim's cookie (SameSite=Lax would already stop it on a POST), but the
        // forged page cannot know the CSRF token
        var forged = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/organizations"))
                .header("Cookie", "SESSION=" + session).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Forged+Org&type=CIVIL_SOCIETY&country=FR")).build();
        assertThat(client.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        var logout = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-out"))
                .header("Cookie", "SESSION=" + session).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(client.send(logout, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(get("/account", session, Map.of()).statusCode()).as("still signed in").isEqualTo(200);
        assertThat(organizations.count()).isEqualTo(organizationsBefore);
    }

    private HttpResponse<String> get(String path, String session, Map<String, String> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (session != null) {
            builder.header("Cookie", "SESSION=" + session);
        }
        headers.forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            builder.header("Cookie", "SESSION=" + session);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(8, c.indexOf(';')))
                .findFirst().orElse(null);
    }

    private static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }
}

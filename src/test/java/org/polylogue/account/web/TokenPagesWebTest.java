package org.polylogue.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PolylogueTest
class TokenPagesWebTest {

    private static final Pattern SECRET = Pattern.compile("<code id=\"new-token\">(plg_[A-Za-z0-9_-]+)</code>");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void aPersonCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        var browser = signedIn("Token Maker");
        var page = browser.get("/account/tokens");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You have no token.").contains("value=\"90\" checked");

        var created = browser.post("/account/tokens", Map.of("name", "Nightly export", "expiresInDays", "365"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("Copy it now: it is shown only this once").contains("Nightly export");
        var matcher = SECRET.matcher(created.body());
        assertThat(matcher.find()).isTrue();
        String secret = matcher.group(1);
        assertThat(api.get("/api/v1/accounts/me", secret).status()).isEqualTo(200);

        var again = browser.get("/account/tokens");
        assertThat(again.body()).doesNotContain(secret).contains("Nightly export").contains("active");
        String id = jdbc.sql("select id from account_api_token where name = 'Nightly export'").query(String.class).single();
        assertThat(again.body()).contains("action=\"/account/tokens/" + id + "/revoke\"");

        var revoked = browser.post("/account/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.redirectsTo("/account/tokens?revoked")).isTrue();
        assertThat(browser.get("/account/tokens?revoked").body()).contains("The token was revoked").contains("revoked");
        assertThat(api.get("/api/v1/accounts/me", secret).status()).isEqualTo(401);
    }

    @Test
    void aFormWithErrorsSaysWhatToFixAndKeepsTheChoice() {
        var browser = signedIn("Careless");
        browser.get("/account/tokens");
        var refused = browser.post("/account/tokens", Map.of("name", "  ", "expiresInDays", "30"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Please correct the fields marked below").contains("id=\"name-error\"")
                .contains("The name is required.").contains("aria-invalid=\"true\"").contains("value=\"30\" checked")
                .doesNotContain("<code id=\"new-token\">");

        var odd = browser.post("/account/tokens", Map.of("name", "Odd", "expiresInDays", "7"));
        assertThat(odd.status()).isEqualTo(422);
        assertThat(odd.body()).contains("id=\"expiresInDays-error\"").contains("value=\"Odd\"");
        assertThat(jdbc.sql("select count(*) from account_api_token where name in ('Odd', '  ')").query(Long.class)
                .single()).isZero();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        var browser = signedIn("Targeted");
        browser.get("/account/tokens");
        var forged = browser.postWithoutCsrf("/account/tokens", Map.of("name", "Forged", "expiresInDays", "365"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from account_api_token where name = 'Forged'").query(Long.class).single())
                .isZero();

        browser.post("/account/tokens", Map.of("name", "Kept", "expiresInDays", "30"));
        String id = jdbc.sql("select id from account_api_token where name = 'Kept'").query(String.class).single();
        assertThat(browser.postWithoutCsrf("/account/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(403);
        assertThat(revokedAt(id)).isNull();
    }

    @Test
    void nobodyRevokesAnotherPersonsTokenFromThePage() {
        String ownerToken = api.registerAndSignIn("Owner");
        var created = api.post("/api/v1/accounts/me/tokens", Map.of("name", "Owner's"), ownerToken);
        String id = created.json().get("id").asString();

        var intruder = signedIn("Intruder");
        assertThat(intruder.get("/account/tokens").body()).doesNotContain(id).doesNotContain("Owner's");
        assertThat(intruder.post("/account/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(revokedAt(id)).isNull();
        assertThat(api.get("/api/v1/accounts/me", created.json().get("token").asString()).status()).isEqualTo(200);
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        var visitor = new TestBrowser(port);
        assertThat(visitor.get("/account/tokens").redirectsTo("/sign-in")).isTrue();
    }

    private Object revokedAt(String id) {
        return jdbc.sql("select revoked_at from account_api_token where id = :id").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
    }

    private TestBrowser signedIn(String name) {
        var browser = new TestBrowser(port);
        browser.signIn(fixtures.person(name), TestApi.PASSWORD);
        return browser;
    }
}

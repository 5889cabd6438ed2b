package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PolylogueTest
class AccountApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void registeringAnswersTheAccountWithoutAnyPassword() {
        var response = api.post("/api/v1/accounts", Map.of("email", "Ana.Reyes@Example.org", "password",
                TestApi.PASSWORD, "displayName", "  Ana Reyes "), null);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/v1/accounts/me");
        var account = response.json();
        assertThat(account.get("id").asString()).hasSize(16);
        assertThat(account.get("email").asString()).isEqualTo("ana.reyes@example.org");
        assertThat(account.get("displayName").asString()).isEqualTo("Ana Reyes");
        assertThat(account.get("emailVerified").asBoolean()).isFalse();
        assertThat(account.get("administrator").asBoolean()).isFalse();
        assertThat(account.get("createdAt").asString()).endsWith("Z");
        assertThat(account.propertyNames()).noneMatch(name -> name.toLowerCase().contains("password"));
        assertThat(response.body()).doesNotContain("argon2").doesNotContain(TestApi.PASSWORD);
    }

    @Test
    void anEmailIsRegisteredOnceWhateverItsCase() {
        var first = api.post("/api/v1/accounts", Map.of("email", "twice@example.org", "password", TestApi.PASSWORD,
                "displayName", "First"), null);
        assertThat(first.status()).isEqualTo(201);
        var again = api.post("/api/v1/accounts", Map.of("email", "TWICE@example.org", "password", TestApi.PASSWORD,
                "displayName", "Second"), null);
        assertProblem(again, 409, "email-taken", "email");
        assertThat(api.token("twice@example.org", TestApi.PASSWORD)).startsWith("plg_");
    }

    @Test
    void invalidRegistrationsNameEveryBadField() {
        var response = api.post("/api/v1/accounts", Map.of("email", "not-an-email", "password", "short",
                "displayName", ""), null);
        assertProblem(response, 400, "invalid-input", "email");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("password", "displayName");
        assertThat(response.json().get("errors").toString()).contains("10 to 200 characters");
        assertProblem(api.post("/api/v1/accounts", Map.of("email", "ok@example.org"), null), 400, "invalid-input",
                "password");
        assertThat(accounts.findByEmail("ok@example.org")).isEmpty();
    }

    @Test
    void aVerificationMailArrivesAndItsLinkConfirmsTheAddressOnceAndForAll() {
        String email = fixtures.person("Mail Reader");
        String mail = fixtures.lastMailTo(email);
        assertThat(mail).contains("Mail Reader").contains("/verify-email?token=");
        var mailbox = api.get("/api/v1/dev/mailbox").json().get("items").get(0);
        assertThat(mailbox.get("to").asString()).isEqualTo(email);
        assertThat(mailbox.get("subject").asString()).contains("Confirm your email address");
        assertThat(mailbox.get("sentAt").asString()).endsWith("Z");
        assertProblem(api.get("/api/v1/dev/mailbox?size=501"), 400, "invalid-input", "size");

        String link = fixtures.verificationLink(email);
        var browser = new TestBrowser(port);
        var page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your email address is confirmed");
        assertThat(accounts.findByEmail(email).orElseThrow().emailVerified()).isTrue();

        var again = browser.get(link);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Your email address is confirmed");
    }

    @Test
    void theApiVerifiesWithTheTokenOfTheMail() {
        String email = fixtures.person("Script Verifier");
        String token = fixtures.verificationLink(email).substring("/verify-email?token=".length());
        var verified = api.post("/api/v1/accounts/verification", Map.of("token", token), null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("email").asString()).isEqualTo(email);
        assertThat(verified.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/accounts/verification", Map.of("token", token), null).status()).isEqualTo(200);

        assertProblem(api.post("/api/v1/accounts/verification", Map.of("token", "made-up"), null), 400,
                "invalid-token", "token");
        assertProblem(api.post("/api/v1/accounts/verification", Map.of(), null), 400, "invalid-input", "token");
        var badPage = new TestBrowser(port).get("/verify-email?token=made-up");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("This link did not work");
    }

    @Test
    void anExpiredVerificationLinkIsRefused() {
        String email = fixtures.unconfirmedPerson("Slow Reader");
        String token = fixtures.verificationLink(email).substring("/verify-email?token=".length());
        jdbc.update("update account_email_verification set expires_at = now() - interval '1 hour'");
        assertProblem(api.post("/api/v1/accounts/verification", Map.of("token", token), null), 400, "expired-token",
                "token");
        assertThat(accounts.findByEmail(email).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void tokensAreIssuedForTheRightPasswordOnly() {
        String email = fixtures.person("Token Holder");
        var issued = api.post("/api/v1/auth/tokens", Map.of("email", email.toUpperCase(), "password", TestApi.PASSWORD),
                null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("token").asString()).startsWith("plg_");

        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", "wrong password!"), null), 401,
                "bad-credentials", null);
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", "nobody@example.org", "password",
                TestApi.PASSWORD), null), 401, "bad-credentials", null);
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email), null), 400, "invalid-input", "password");
    }

    @Test
    void theTokenShowsWhoIsSignedIn() {
        String email = fixtures.person("Me Myself");
        String token = api.token(email, TestApi.PASSWORD);
        var me = api.get("/api/v1/accounts/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Me Myself");
        assertThat(me.body()).doesNotContain("password");

        var anonymous = api.get("/api/v1/accounts/me");
        assertProblem(anonymous, 401, "unauthenticated", null);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aBadOrExpiredBearerTokenIsRefusedEvenOnPublicRoutes() {
        for (String bad : new String[] {"nonsense", "plg_madeUpButWellFormed", "plg_" + "x".repeat(200)}) {
            var refused = api.get("/api/v1/accounts/me", bad);
            assertProblem(refused, 401, "invalid-token", null);
            assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
            assertProblem(api.get("/api/v1/processes", bad), 401, "invalid-token", null);
        }
        String token = api.registerAndSignIn("Expiring");
        assertThat(api.get("/api/v1/accounts/me", token).status()).isEqualTo(200);
        jdbc.update("update account_api_token set expires_at = now() - interval '1 second'");
        assertProblem(api.get("/api/v1/accounts/me", token), 401, "invalid-token", null);
    }
}

package org.polylogue.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.RateLimitedPolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The limits as configured for production, except small budgets where a test would otherwise need
 * thousands of requests. Its own application context (and database), since the others lift limits.
 */
@RateLimitedPolylogueTest
class RateLimitWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void thirtyWrongPasswordsLockPasswordSignInForThatAccountWithAClearMessage() {
        String email = fixtures.person("Targeted Activist");
        var attacker = new TestBrowser(port);
        int refusedAsWrong = 0;
        TestBrowser.Page last = null;
        for (int i = 0; i < 30; i++) {
            attacker.get("/sign-in");
            last = attacker.post("/sign-in", Map.of("email", email, "password", "guess number " + i));
            if (last.status() == 302 && last.location().contains("error")) {
                refusedAsWrong++;
            }
        }
        assertThat(refusedAsWrong).as("the default budget: 10 attempts per 15 minutes").isEqualTo(10);
        assertThat(last.status()).isEqualTo(303);
        assertThat(last.location()).startsWith("/sign-in?locked=");
        var message = attacker.get(last.location());
        assertThat(message.body()).contains("Too many password attempts").contains("Try again in")
                .contains("passkey");

        // even the right password waits now, from any address: the account is what is protected
        var owner = new TestBrowser(port);
        owner.get("/sign-in");
        assertThat(owner.post("/sign-in", Map.of("email", email, "password", TestApi.PASSWORD)).status()).isEqualTo(303);
        var api429 = api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD), null);
        TestApi.assertProblem(api429, 429, "too-many-requests", null);
        assertThat(Integer.parseInt(api429.header("Retry-After"))).isBetween(1, 900);

        // another account is not affected
        String other = fixtures.person("Someone Else");
        new TestBrowser(port).signIn(other, TestApi.PASSWORD);
    }

    @Test
    void postingTooFastIsRefusedWithRetryAfterAndThePageKeepsTheText() {
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String email = fixtures.person("Fast Poster");
        String token = api.token(email, TestApi.PASSWORD);
        for (int i = 0; i < 3; i++) {
            fixtures.comment(token, slug, null, "Comment number " + i);
        }
        var refused = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "one too many"), token);
        TestApi.assertProblem(refused, 429, "too-many-requests", null);
        assertThat(refused.header("Retry-After")).isNotBlank();

        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        browser.get("/consultations/" + slug);
        var page = browser.post("/consultations/" + slug + "/comments", Map.of("body", "A long text I typed carefully"));
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("You are publishing comments very quickly")
                .contains("A long text I typed carefully");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("total").asInt()).isEqualTo(3);

        // someone else is not slowed down
        fixtures.comment(api.token(fixtures.person("Patient Poster"), TestApi.PASSWORD), slug, null, "My turn");
    }

    @Test
    void verificationMailsCannotBeUsedToFloodAnInbox() {
        String email = fixtures.unconfirmedPerson("Inbox Owner");
        String token = api.token(email, TestApi.PASSWORD);
        assertThat(api.post("/api/v1/accounts/me/verification-mail", Map.of(), token).status()).isEqualTo(202);
        assertThat(api.post("/api/v1/accounts/me/verification-mail", Map.of(), token).status()).isEqualTo(202);
        TestApi.assertProblem(api.post("/api/v1/accounts/me/verification-mail", Map.of(), token), 429,
                "too-many-requests", null);
    }

    @Test
    void authenticatorCodesAreLimitedPerAccountWhateverTheRouteOrAddress() {
        String email = fixtures.person("Code Target");
        var owner = new TestBrowser(port);
        owner.signIn(email, TestApi.PASSWORD);
        var enabled = org.polylogue.account.SecondFactorSteps.enable(owner);
        String wrong = "000000".equals(org.polylogue.account.SecondFactorSteps.code(enabled.secret(), 0)) ? "111111"
                : "000000";
        int refusedAsWrong = 0;
        TestApi.Response last = null;
        for (int i = 0; i < 11; i++) {
            // the password is right: only the code is guessed, through the API and through fresh sign-ins
            last = api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD, "otp", wrong),
                    null);
            if (last.status() == 401) {
                refusedAsWrong++;
            }
        }
        assertThat(refusedAsWrong).as("the default budget: 10 codes per 15 minutes per account, one spent enabling it")
                .isEqualTo(9);
        TestApi.assertProblem(last, 429, "too-many-requests", null);
        // the settings pages draw on the same budget: a stolen session cannot guess there either
        owner.get("/account/two-factor");
        var refused = owner.post("/account/two-factor/disable", Map.of("code",
                org.polylogue.account.SecondFactorSteps.code(enabled.secret(), 0)));
        assertThat(refused.status()).as("even the right code waits now").isEqualTo(429);
    }

    @Test
    void aPercentEncodedSignInPathSpendsTheSameBudget() {
        String email = fixtures.person("Encoded Path Target");
        var attacker = new TestBrowser(port);
        int wrong = 0;
        for (int i = 0; i < 12; i++) {
            attacker.get("/sign-in");
            var page = attacker.post(i % 2 == 0 ? "/sign%2Din" : "/sign-%69n", Map.of("email", email, "password",
                    "guess " + i));
            if (page.status() == 302 && page.location().contains("error")) {
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(10);
    }
}

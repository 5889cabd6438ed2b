package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import java.util.regex.Pattern;
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
class PasswordResetWebTest {

    static final String NEW_PASSWORD = "lantern orchard keyboard";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/reset-password\\?token=([A-Za-z0-9_-]+)");

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

    /** The token of the newest reset mail to the address (the mail leaves on its own thread). */
    String resetToken(String email, int mailsBefore) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (resetMails(email) > mailsBefore) {
                var matcher = LINK.matcher(fixtures.lastMailTo(email));
                assertThat(matcher.find()).as("a reset link in the mail").isTrue();
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No reset mail to " + email);
    }

    int resetMails(String email) {
        int count = 0;
        for (var mail : api.get("/api/v1/dev/mailbox?size=500").json().get("items")) {
            if (mail.get("to").asString().equals(email) && mail.get("subject").asString().contains("Reset")) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aForgottenPasswordIsReplacedThroughTheMailedLink() throws Exception {
        String email = fixtures.person("Forgetful Person");
        var elsewhere = new TestBrowser(port);
        elsewhere.signIn(email, TestApi.PASSWORD);
        String oldToken = api.token(email, TestApi.PASSWORD);

        var browser = new TestBrowser(port);
        assertThat(browser.get("/sign-in").body()).contains("href=\"/forgot-password\"");
        assertThat(browser.get("/forgot-password").body()).contains("action=\"/forgot-password\"");
        var sent = browser.post("/forgot-password", Map.of("email", email.toUpperCase()));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("we have sent it a link");
        String token = resetToken(email, 0);
        assertThat(fixtures.lastMailTo(email)).contains("within one hour").contains("does not turn off your second factor");
        assertThat(jdbc.queryForList("select encode(token_hash, 'escape') from account_password_reset", String.class))
                .noneMatch(hash -> hash.contains(token));

        var form = browser.get("/reset-password?token=" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Choose a new password").contains("second factor");
        var weak = browser.post("/reset-password", Map.of("token", token, "password", "password123"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("is too common: choose a longer passphrase").contains("id=\"password-error\"");

        var done = browser.post("/reset-password", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(done.redirectsTo("/sign-in?reset")).as(done.toString()).isTrue();
        assertThat(browser.get("/sign-in?reset").body()).contains("Your password was changed");
        assertThat(elsewhere.get("/account").redirectsTo("/sign-in")).as("other sessions ended").isTrue();
        assertProblem(api.get("/api/v1/accounts/me", oldToken), 401, "invalid-token", null);
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD), null), 401,
                "bad-credentials", null);
        new TestBrowser(port).signIn(email, NEW_PASSWORD);

        var reused = new TestBrowser(port).get("/reset-password?token=" + token);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("already used").contains("href=\"/forgot-password\"");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String email = fixtures.person("Known Person");
        var browser = new TestBrowser(port);
        browser.get("/forgot-password");
        var known = browser.post("/forgot-password", Map.of("email", email));
        var unknown = browser.post("/forgot-password", Map.of("email", "nobody-here@example.org"));
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.body().replace("nobody-here@example.org", "X")).isEqualTo(known.body().replace(email, "X"));

        var apiKnown = api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        var apiUnknown = api.post("/api/v1/accounts/password-reset", Map.of("email", "nobody-here@example.org"), null);
        assertThat(apiKnown.status()).isEqualTo(apiUnknown.status()).isEqualTo(202);
        assertThat(apiKnown.body()).isEqualTo(apiUnknown.body());
        assertThat(api.get("/api/v1/dev/mailbox?size=500").body()).doesNotContain("nobody-here@example.org");

        // timing: the same order of magnitude (no password hashing, the mail leaves on another thread)
        long knownNanos = Long.MAX_VALUE;
        long unknownNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            jdbc.update("delete from account_password_reset where account_id = ?",
                    accounts.findByEmail(email).orElseThrow().id());
            long start = System.nanoTime();
            api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
            knownNanos = Math.min(knownNanos, System.nanoTime() - start);
            start = System.nanoTime();
            api.post("/api/v1/accounts/password-reset", Map.of("email", "nobody-" + i + "@example.org"), null);
            unknownNanos = Math.min(unknownNanos, System.nanoTime() - start);
        }
        assertThat(knownNanos).isLessThan(unknownNanos * 10 + 20_000_000L);
        assertThat(unknownNanos).isLessThan(knownNanos * 10 + 20_000_000L);

        assertProblem(api.post("/api/v1/accounts/password-reset", Map.of("email", "not an address"), null), 400,
                "invalid-input", "email");
        var blank = browser.post("/forgot-password", Map.of("email", ""));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"email-error\"");
    }

    @Test
    void expiredTamperedAndSupersededLinksAreRefused() throws Exception {
        String email = fixtures.person("Slow Resetter");
        api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        String first = resetToken(email, 0);
        api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        String second = resetToken(email, 1);
        assertThat(second).isNotEqualTo(first);

        var browser = new TestBrowser(port);
        var tampered = browser.get("/reset-password?token=" + second.substring(0, second.length() - 2) + "xx");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.body()).contains("not valid").contains("href=\"/forgot-password\"");
        assertThat(browser.get("/reset-password").status()).isEqualTo(400);
        assertProblem(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", "made-up", "password",
                NEW_PASSWORD), null), 400, "invalid-token", "token");

        var done = api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", second, "password", NEW_PASSWORD),
                null);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertProblem(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", second, "password",
                "another fine passphrase"), null), 400, "used-token", "token");
        // the other outstanding link stopped working too
        assertProblem(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", first, "password",
                "another fine passphrase"), null), 400, "used-token", "token");
        assertThat(api.token(email, NEW_PASSWORD)).startsWith("plg_");

        api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        String third = resetToken(email, 2);
        jdbc.update("update account_password_reset set expires_at = now() - interval '1 second' where account_id = ?",
                accounts.findByEmail(email).orElseThrow().id());
        var expired = browser.get("/reset-password?token=" + third);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("has expired").contains("Ask for a new link");
        assertProblem(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", third, "password",
                "another fine passphrase"), null), 400, "expired-token", "token");
        assertThat(api.token(email, NEW_PASSWORD)).startsWith("plg_");
    }

    @Test
    void theApiRefusesAWeakPasswordAndKeepsTheLink() throws Exception {
        String email = fixtures.person("Api Resetter");
        api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        String token = resetToken(email, 0);
        var weak = api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", token, "password", "qwertyuiop"),
                null);
        assertProblem(weak, 422, "weak-password", "password");
        assertThat(weak.body()).contains("is too common");
        assertProblem(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", token), null), 400,
                "invalid-input", "password");
        assertThat(api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", token, "password",
                NEW_PASSWORD), null).status()).isEqualTo(204);
    }

    @Test
    void resettingThePasswordLeavesTheSecondFactorOn() throws Exception {
        String email = fixtures.person("Still Two Steps");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        SecondFactorSteps.enable(browser);
        api.post("/api/v1/accounts/password-reset", Map.of("email", email), null);
        api.post("/api/v1/accounts/password-reset/confirm", Map.of("token", resetToken(email, 0), "password",
                NEW_PASSWORD), null);
        var again = new TestBrowser(port);
        again.get("/sign-in");
        assertThat(again.post("/sign-in", Map.of("email", email, "password", NEW_PASSWORD))
                .redirectsTo("/sign-in/second-factor")).isTrue();
    }

    @Test
    void askingForManyLinksSendsAtMostThreeMailsAnHour() throws Exception {
        String email = fixtures.person("Mail Bombed");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/accounts/password-reset", Map.of("email", email), null).status()).isEqualTo(202);
        }
        resetToken(email, 2);
        Thread.sleep(300);
        assertThat(resetMails(email)).isEqualTo(3);
    }

    @Test
    void theResetFormsNeedTheCsrfToken() {
        String email = fixtures.person("Csrf Reset");
        var browser = new TestBrowser(port);
        browser.get("/forgot-password");
        assertThat(browser.postWithoutCsrf("/forgot-password", Map.of("email", email)).status()).isEqualTo(403);
        assertThat(browser.postWithoutCsrf("/reset-password", Map.of("token", "x", "password", NEW_PASSWORD)).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from account_password_reset where account_id = ?", Integer.class,
                accounts.findByEmail(email).orElseThrow().id())).isZero();
    }
}

package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;
import static org.polylogue.account.SecondFactorSteps.code;

import java.util.HashMap;
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
class TwoFactorWebTest {

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

    private TestBrowser signedIn(String email) {
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        return browser;
    }

    /** Gives the right password and lands on the second step; returns the browser, not signed in yet. */
    private TestBrowser passwordOnly(String email, String continueTo) {
        var browser = new TestBrowser(port);
        browser.get("/sign-in");
        var fields = new HashMap<String, String>(Map.of("email", email, "password", TestApi.PASSWORD));
        if (continueTo != null) {
            fields.put("continue", continueTo);
        }
        var step = browser.post("/sign-in", fields);
        assertThat(step.redirectsTo("/sign-in/second-factor")).as(step.toString()).isTrue();
        return browser;
    }

    @Test
    void setUpShowsAQrCodeAndTheKeyThenTenRecoveryCodesOnce() {
        String email = fixtures.person("Careful Person");
        var browser = signedIn(email);
        var intro = browser.get("/account/two-factor");
        assertThat(intro.status()).isEqualTo(200);
        assertThat(intro.body()).contains("Set up a second factor").doesNotContain("totp-secret");
        assertThat(browser.get("/account").body()).contains("href=\"/account/two-factor\"")
                .contains("href=\"/account/password\"");

        browser.post("/account/two-factor/setup", Map.of());
        var setup = browser.get("/account/two-factor");
        assertThat(setup.body()).contains("src=\"data:image/svg+xml;base64,").contains("autocomplete=\"one-time-code\"")
                .contains("inputmode=\"numeric\"");
        String secret = SecondFactorSteps.secretOn(setup.body());
        assertThat(secret).hasSize(32);
        String id = accounts.findByEmail(email).orElseThrow().id();
        assertThat(jdbc.queryForObject("select count(*) from account_totp where enabled_at is null and account_id = ?",
                Integer.class, id)).isEqualTo(1);
        byte[] stored = jdbc.queryForObject("select secret_encrypted from account_totp where account_id = ?",
                byte[].class, id);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        var wrong = browser.post("/account/two-factor/enable", Map.of("code", "000000".equals(code(secret, 0))
                ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("is not a current code of your authenticator app")
                .contains(secret.substring(0, 4));

        var enabled = browser.post("/account/two-factor/enable", Map.of("code", code(secret, 0)));
        assertThat(enabled.status()).isEqualTo(200);
        var codes = SecondFactorSteps.recoveryCodesOn(enabled.body());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(enabled.body()).contains("only time they are shown");
        assertThat(jdbc.queryForObject("select count(*) from account_recovery_code where account_id = ?", Integer.class,
                id)).isEqualTo(10);
        assertThat(jdbc.queryForList("select encode(code_hash, 'escape') from account_recovery_code", String.class))
                .noneMatch(hash -> codes.stream().anyMatch(c -> hash.contains(c.substring(0, 5))));

        var after = browser.get("/account/two-factor");
        assertThat(after.body()).contains("Recovery codes left: <strong>10</strong>").doesNotContain("totp-secret")
                .doesNotContain(codes.get(0)).doesNotContain("data:image/svg+xml");
    }

    @Test
    void signingInWithAPasswordThenAsksForTheCodeAndNothingIsReachableBefore() {
        String email = fixtures.person("Two Steps");
        var enabled = SecondFactorSteps.enable(signedIn(email));

        var browser = passwordOnly(email, null);
        var step = browser.get("/sign-in/second-factor");
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.body()).contains("autocomplete=\"one-time-code\"").contains("inputmode=\"numeric\"")
                .contains("name=\"recoveryCode\"").doesNotContain("Two Steps");
        for (String page : new String[] {"/account", "/account/two-factor", "/account/password", "/me/contributions"}) {
            assertThat(browser.get(page).redirectsTo("/sign-in")).as(page).isTrue();
        }
        assertThat(browser.get("/").body()).doesNotContain("Two Steps").contains("href=\"/sign-in\"");

        var wrong = browser.post("/sign-in/second-factor", Map.of("code", "12345"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"code-error\"").contains("aria-invalid=\"true\"");
        assertThat(browser.get("/account").redirectsTo("/sign-in")).isTrue();

        var right = browser.post("/sign-in/second-factor", Map.of("code", code(enabled.secret(), 0)));
        assertThat(right.status()).isEqualTo(302);
        assertThat(browser.get("/account").status()).isEqualTo(200);
        assertThat(browser.get("/").body()).contains("Two Steps");
        assertThat(browser.get("/sign-in/second-factor").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void afterTheSecondStepThePersonContinuesWhereTheyWereGoing() {
        String email = fixtures.person("Going Somewhere");
        var enabled = SecondFactorSteps.enable(signedIn(email));
        var browser = passwordOnly(email, "/account/password");
        browser.get("/sign-in/second-factor");
        var right = browser.post("/sign-in/second-factor", Map.of("code", code(enabled.secret(), 0)));
        assertThat(right.redirectsTo("/account/password")).as(right.toString()).isTrue();

        var viaSavedRequest = new TestBrowser(port);
        assertThat(viaSavedRequest.get("/account/two-factor").redirectsTo("/sign-in")).isTrue();
        viaSavedRequest.get("/sign-in");
        viaSavedRequest.post("/sign-in", Map.of("email", email, "password", TestApi.PASSWORD));
        viaSavedRequest.get("/sign-in/second-factor");
        var back = viaSavedRequest.post("/sign-in/second-factor", Map.of("code", code(enabled.secret(), 1)));
        assertThat(back.redirectsTo("/account/two-factor")).as(back.toString()).isTrue();
    }

    @Test
    void aCodeIsAcceptedOnceWithinItsTimeStep() {
        String email = fixtures.person("Replay Target");
        var enabled = SecondFactorSteps.enable(signedIn(email));
        String current = code(enabled.secret(), 0);

        var first = passwordOnly(email, null);
        first.get("/sign-in/second-factor");
        assertThat(first.post("/sign-in/second-factor", Map.of("code", current)).status()).isEqualTo(302);

        var replay = passwordOnly(email, null);
        replay.get("/sign-in/second-factor");
        var refused = replay.post("/sign-in/second-factor", Map.of("code", current));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("The code has already been used");
        assertThat(replay.get("/account").redirectsTo("/sign-in")).isTrue();
        // an older code than the last one used is refused as well
        replay.get("/sign-in/second-factor");
        assertThat(replay.post("/sign-in/second-factor", Map.of("code", code(enabled.secret(), -1))).status())
                .isEqualTo(422);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndDisablingNeedsACode() {
        String email = fixtures.person("Lost Phone");
        var enabled = SecondFactorSteps.enable(signedIn(email));
        String recovery = enabled.recoveryCodes().get(3);

        var browser = passwordOnly(email, null);
        browser.get("/sign-in/second-factor");
        assertThat(browser.post("/sign-in/second-factor", Map.of("recoveryCode", " " + recovery.toUpperCase() + " "))
                .status()).isEqualTo(302);
        assertThat(browser.get("/account/two-factor").body()).contains("Recovery codes left: <strong>9</strong>");

        var again = passwordOnly(email, null);
        again.get("/sign-in/second-factor");
        var used = again.post("/sign-in/second-factor", Map.of("recoveryCode", recovery));
        assertThat(used.status()).isEqualTo(422);
        assertThat(used.body()).contains("id=\"recoveryCode-error\"").contains("nor an unused recovery code");

        browser.get("/account/two-factor");
        var noCode = browser.post("/account/two-factor/disable", Map.of("code", recovery));
        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.body()).contains("id=\"disableCode-error\"");
        var off = browser.post("/account/two-factor/disable", Map.of("code", enabled.recoveryCodes().get(4)));
        assertThat(off.redirectsTo("/account/two-factor?disabled")).as(off.toString()).isTrue();
        String id = accounts.findByEmail(email).orElseThrow().id();
        assertThat(jdbc.queryForObject("select count(*) from account_totp where account_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from account_recovery_code where account_id = ?", Integer.class,
                id)).isZero();
        new TestBrowser(port).signIn(email, TestApi.PASSWORD);
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        String email = fixtures.person("Fresh Codes");
        var browser = signedIn(email);
        var enabled = SecondFactorSteps.enable(browser);
        browser.get("/account/two-factor");
        var wrong = browser.post("/account/two-factor/recovery-codes", Map.of("code", enabled.recoveryCodes().get(0)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"regenerateCode-error\"");
        var fresh = browser.post("/account/two-factor/recovery-codes", Map.of("code", code(enabled.secret(), 0)));
        assertThat(fresh.status()).isEqualTo(200);
        var codes = SecondFactorSteps.recoveryCodesOn(fresh.body());
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enabled.recoveryCodes());

        var old = passwordOnly(email, null);
        old.get("/sign-in/second-factor");
        assertThat(old.post("/sign-in/second-factor", Map.of("recoveryCode", enabled.recoveryCodes().get(1))).status())
                .isEqualTo(422);
        assertThat(old.post("/sign-in/second-factor", Map.of("recoveryCode", codes.get(1))).status()).isEqualTo(302);
    }

    @Test
    void fiveWrongCodesSendThePersonBackToThePassword() {
        String email = fixtures.person("Guessed At");
        var enabled = SecondFactorSteps.enable(signedIn(email));
        var browser = passwordOnly(email, null);
        browser.get("/sign-in/second-factor");
        for (int i = 0; i < 4; i++) {
            assertThat(browser.post("/sign-in/second-factor", Map.of("code", "99999" + i)).status()).isEqualTo(422);
        }
        var fifth = browser.post("/sign-in/second-factor", Map.of("code", "999994"));
        assertThat(fifth.redirectsTo("/sign-in?error=second-factor")).as(fifth.toString()).isTrue();
        assertThat(browser.get("/sign-in?error=second-factor").body()).contains("Too many wrong codes");
        var late = browser.post("/sign-in/second-factor", Map.of("code", code(enabled.secret(), 0)));
        assertThat(late.redirectsTo("/sign-in")).isTrue();
        assertThat(browser.get("/account").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String email = fixtures.person("Forged Against");
        var browser = signedIn(email);
        var enabled = SecondFactorSteps.enable(browser);
        assertThat(browser.postWithoutCsrf("/account/two-factor/disable", Map.of("code", enabled.recoveryCodes().get(0)))
                .status()).isEqualTo(403);
        assertThat(browser.postWithoutCsrf("/account/two-factor/setup", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from account_totp where enabled_at is not null and account_id = ?",
                Integer.class, accounts.findByEmail(email).orElseThrow().id())).isEqualTo(1);
        var pending = passwordOnly(email, null);
        pending.get("/sign-in/second-factor");
        assertThat(pending.postWithoutCsrf("/sign-in/second-factor", Map.of("code", code(enabled.secret(), 0)))
                .status()).isEqualTo(403);
        assertThat(pending.get("/account").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void theSecondStepWithoutAPasswordFirstLeadsToSignIn() {
        var browser = new TestBrowser(port);
        assertThat(browser.get("/sign-in/second-factor").redirectsTo("/sign-in")).isTrue();
        browser.get("/sign-in");
        assertThat(browser.post("/sign-in/second-factor", Map.of("code", "123456")).redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void anApiTokenForAnAccountWithASecondFactorNeedsACurrentCode() {
        String email = fixtures.person("Script Runner");
        var enabled = SecondFactorSteps.enable(signedIn(email));
        var missing = api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD), null);
        assertProblem(missing, 401, "second-factor-required", "otp");
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD, "otp",
                "000000".equals(code(enabled.secret(), 0)) ? "111111" : "000000"), null), 401,
                "second-factor-required", "otp");
        // the second factor is not even looked at without the right password
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", "wrong password!", "otp",
                code(enabled.secret(), 0)), null), 401, "bad-credentials", null);

        String current = code(enabled.secret(), 0);
        var issued = api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD, "otp",
                current), null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/accounts/me", issued.json().get("token").asString()).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD, "otp",
                current), null), 401, "second-factor-required", "otp");
        var withRecovery = api.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestApi.PASSWORD, "otp",
                enabled.recoveryCodes().get(9)), null);
        assertThat(withRecovery.status()).isEqualTo(201);
    }
}

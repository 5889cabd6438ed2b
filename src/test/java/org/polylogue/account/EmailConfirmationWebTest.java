package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person contributes only once they opened the link mailed to them; the link cannot be forged. */
@PolylogueTest
class EmailConfirmationWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String consultation;
    String paragraph;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        var c = fixtures.openConsultation(admin, fixtures.process(admin));
        consultation = c.get("slug").asString();
        paragraph = c.get("document").get("paragraphs").get(0).get("id").asString();
    }

    @Test
    void anUnconfirmedPersonCannotCommentUntilTheyOpenTheLinkAndLosesNothing() {
        String email = fixtures.unconfirmedPerson("Not Yet Confirmed");
        String token = api.token(email, TestApi.PASSWORD);
        var refused = api.post("/api/v1/consultations/" + consultation + "/comments",
                Map.of("paragraphId", paragraph, "body", "My considered view"), token);
        TestApi.assertProblem(refused, 403, "email-not-confirmed", null);
        assertThat(api.get("/api/v1/consultations/" + consultation + "/comments").json().get("total").asInt()).isZero();

        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        var page = browser.get("/consultations/" + consultation);
        assertThat(page.body()).contains("Confirm your email address to comment").doesNotContain("Publish comment");
        var posted = browser.post("/consultations/" + consultation + "/comments",
                Map.of("paragraphId", paragraph, "body", "Typed before confirming"));
        assertThat(posted.status()).isEqualTo(403);
        assertThat(posted.body()).contains("Confirm your email address before contributing")
                .contains("Typed before confirming");

        api.confirmEmail(email);
        assertThat(api.post("/api/v1/consultations/" + consultation + "/comments",
                Map.of("paragraphId", paragraph, "body", "My considered view"), token).status()).isEqualTo(201);
        assertThat(browser.get("/consultations/" + consultation).body()).contains("Publish comment")
                .doesNotContain("Confirm your email address to comment");
    }

    @Test
    void theLinkCanBeSentAgainAndOpeningItTwiceIsHarmless() {
        String email = fixtures.unconfirmedPerson("Lost The Mail");
        String token = api.token(email, TestApi.PASSWORD);
        String first = fixtures.verificationLink(email);
        var resent = api.post("/api/v1/accounts/me/verification-mail", Map.of(), token);
        assertThat(resent.status()).isEqualTo(202);
        String second = fixtures.verificationLink(email);
        assertThat(second).isNotEqualTo(first);

        var browser = new TestBrowser(port);
        assertThat(browser.get(second).status()).isEqualTo(200);
        assertThat(browser.get(second).status()).as("idempotent").isEqualTo(200);
        assertThat(browser.get(first).status()).as("an older, unexpired link also works").isEqualTo(200);
        assertThat(accounts.hasConfirmedEmail(accounts.findByEmail(email).orElseThrow().id())).isTrue();
        TestApi.assertProblem(api.post("/api/v1/accounts/me/verification-mail", Map.of(), token), 409,
                "already-confirmed", null);
    }

    @Test
    void theAccountPageOffersToSendTheMailAgain() {
        String email = fixtures.unconfirmedPerson("Page Resender");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/account").body()).contains("Send the confirmation mail again");
        var sent = browser.post("/account/verification-mail", Map.of());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(browser.open("/account?mail-sent").body()).contains("We sent a new confirmation mail to " + email);
        assertThat(browser.postWithoutCsrf("/account/verification-mail", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aTamperedOrExpiredLinkIsRefusedClearlyAndConfirmsNothing() {
        String email = fixtures.unconfirmedPerson("Link Tamperer");
        String link = fixtures.verificationLink(email);
        String token = link.substring(link.indexOf("token=") + 6);
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        var browser = new TestBrowser(port);
        var page = browser.get("/verify-email?token=" + tampered);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("not valid");
        TestApi.assertProblem(api.post("/api/v1/accounts/verification", Map.of("token", tampered), null), 400,
                "invalid-token", "token");
        TestApi.assertProblem(api.post("/api/v1/accounts/verification", Map.of("token", token + "x"), null), 400,
                "invalid-token", "token");

        jdbc.sql("update account_email_verification set expires_at = :past").param("past",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60))).update();
        TestApi.assertProblem(api.post("/api/v1/accounts/verification", Map.of("token", token), null), 400,
                "expired-token", "token");
        assertThat(browser.get(link).status()).isEqualTo(400);
        assertThat(accounts.findByEmail(email).orElseThrow().emailVerified()).isFalse();
    }
}

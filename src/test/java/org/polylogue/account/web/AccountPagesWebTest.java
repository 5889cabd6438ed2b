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

@PolylogueTest
class AccountPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    TestBrowser browser;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        browser = new TestBrowser(port);
    }

    @Test
    void aRegistrationWithErrorsKeepsWhatWasTypedButNotThePassword() {
        assertThat(browser.get("/register").body()).contains("<form method=\"post\" action=\"/register\"");
        var refused = browser.post("/register", Map.of("displayName", "Typed Name", "email", "not-an-email",
                "password", "s3cr3t!"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Please correct the fields marked below")
                .contains("value=\"Typed Name\"").contains("value=\"not-an-email\"").doesNotContain("s3cr3t!");
        assertThat(fieldError(refused.body(), "email")).contains("is not an email address");
        assertThat(fieldError(refused.body(), "password")).contains("must be 10 to 200 characters");
        assertThat(refused.body()).doesNotContain("id=\"displayName-error\"");
        assertThat(accounts.findByEmail("not-an-email")).isEmpty();
    }

    @Test
    void anEmailAlreadyRegisteredIsSaidAtTheEmailField() {
        String email = fixtures.person("First Owner");
        browser.get("/register");
        var refused = browser.post("/register", Map.of("displayName", "Second Owner", "email", email, "password",
                TestApi.PASSWORD));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fieldError(refused.body(), "email")).contains("already exists");
        assertThat(refused.body()).contains("value=\"Second Owner\"");
    }

    @Test
    void aNewPersonIsSignedInAndConfirmsTheirAddressFromTheMailbox() {
        browser.get("/register");
        var registered = browser.post("/register", Map.of("displayName", "Amara Diallo", "email",
                "amara@example.org", "password", TestApi.PASSWORD));
        assertThat(registered.redirectsTo("/account?registered")).as(registered.toString()).isTrue();
        var account = browser.get("/account?registered");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("We sent a mail to amara@example.org").contains("not confirmed yet")
                .contains("<a href=\"/account\">Amara Diallo</a>").contains("Sign out");

        var mailbox = browser.get("/dev/mailbox");
        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.body()).contains("Development mailbox").contains("Confirm your email address for Polylogue")
                .contains("To amara@example.org");
        var link = Pattern.compile("/verify-email\\?token=[A-Za-z0-9_-]+").matcher(mailbox.body());
        assertThat(link.find()).isTrue();
        assertThat(browser.get(link.group()).body()).contains("Your email address is confirmed");
        assertThat(browser.get("/account").body()).contains("<span class=\"badge\">confirmed</span>");
    }

    @Test
    void signingInWithAWrongPasswordSaysSoAndSigningOutEndsTheSession() {
        String email = fixtures.person("Returning Person");
        browser.get("/sign-in");
        var wrong = browser.post("/sign-in", Map.of("email", email, "password", "not the password"));
        assertThat(wrong.redirectsTo("/sign-in?error")).as(wrong.toString()).isTrue();
        assertThat(browser.get("/sign-in?error").body()).contains("The email or password is wrong.");

        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/").body()).contains("Returning Person").contains("My contributions");
        var out = browser.post("/sign-out", Map.of());
        assertThat(out.redirectsTo("/?signed-out")).as(out.toString()).isTrue();
        assertThat(browser.get("/").body()).doesNotContain("Returning Person").contains("href=\"/sign-in\"");
        assertThat(browser.get("/account").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void aRegistrationWithoutTheCsrfTokenIsRefused() {
        browser.get("/register");
        var forged = browser.postWithoutCsrf("/register", Map.of("displayName", "Forged", "email", "forged@example.org",
                "password", TestApi.PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("You do not have permission");
        assertThat(accounts.findByEmail("forged@example.org")).isEmpty();
    }

    /** The message shown next to a field, or fails when there is none. */
    static String fieldError(String html, String field) {
        var matcher = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("a message at field " + field).isTrue();
        return matcher.group(1);
    }
}

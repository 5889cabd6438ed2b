package org.polylogue.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.account.RecordedSecurityEvents;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PolylogueTest
class SessionPagesWebTest {

    static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final Pattern REVOKE = Pattern.compile("action=\"(/account/sessions/[A-Za-z0-9_-]+/revoke)\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedSecurityEvents events;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(new TestApi(port), accounts);
    }

    @Test
    void aPersonSeesWhereTheyAreSignedInAndEndsAnotherSession() {
        String email = fixtures.person("Traveller");
        var laptop = browser(CHROME_LINUX);
        laptop.signIn(email, TestApi.PASSWORD);
        var phone = browser(FIREFOX_WINDOWS);
        phone.signIn(email, TestApi.PASSWORD);

        var page = laptop.get("/account/sessions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Chrome on Linux <span class=\"badge\">this session</span>")
                .contains("Firefox on Windows").doesNotContain(laptop.cookie("SESSION"))
                .doesNotContain(phone.cookie("SESSION"));
        assertThat(page.body().indexOf("Chrome on Linux")).as("this session first")
                .isLessThan(page.body().indexOf("Firefox on Windows"));
        // no IP address and no raw User-Agent is kept
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where position(convert_to('Gecko', 'UTF8') in attribute_bytes) > 0")
                .query(Long.class).single()).isZero();

        String phoneRevoke = revokeActions(page.body()).get(1);
        var revoked = laptop.post(phoneRevoke, Map.of());
        assertThat(revoked.redirectsTo("/account/sessions?revoked")).isTrue();
        assertThat(phone.get("/account").redirectsTo("/sign-in")).as("the phone is signed out").isTrue();
        assertThat(laptop.get("/account").status()).isEqualTo(200);
        assertThat(laptop.get("/account/sessions").body()).doesNotContain("Firefox on Windows");
        String accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(events.of(SecurityEvent.Kind.SESSION_REVOKED, accountId)).extracting(SecurityEvent::detail)
                .contains("Firefox on Windows");
    }

    @Test
    void signingOutEverywhereEndsEverySessionThisOneToo() {
        String email = fixtures.person("Lost Phone");
        var laptop = browser(CHROME_LINUX);
        laptop.signIn(email, TestApi.PASSWORD);
        var phone = browser(FIREFOX_WINDOWS);
        phone.signIn(email, TestApi.PASSWORD);
        var other = browser(null);
        other.signIn(fixtures.person("Bystander"), TestApi.PASSWORD);

        laptop.get("/account/sessions");
        var done = laptop.post("/account/sessions/revoke-all", Map.of());
        assertThat(done.redirectsTo("/sign-in?signed-out-everywhere")).isTrue();
        assertThat(laptop.get("/account").redirectsTo("/sign-in")).isTrue();
        assertThat(phone.get("/account").redirectsTo("/sign-in")).isTrue();
        assertThat(other.get("/account").status()).as("another person's session is untouched").isEqualTo(200);
        String accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(events.of(SecurityEvent.Kind.SIGN_OUT_EVERYWHERE, accountId)).isNotEmpty();
    }

    @Test
    void endingThisSessionSignsOut() {
        var laptop = browser(CHROME_LINUX);
        laptop.signIn(fixtures.person("Leaving"), TestApi.PASSWORD);
        var page = laptop.get("/account/sessions");
        var out = laptop.post(revokeActions(page.body()).getFirst(), Map.of());
        assertThat(out.redirectsTo("/sign-in?signed-out")).isTrue();
        assertThat(laptop.get("/account").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void nobodyEndsAnotherPersonsSessionAndForgedFormsAreRefused() {
        var victim = browser(CHROME_LINUX);
        victim.signIn(fixtures.person("Victim"), TestApi.PASSWORD);
        String victimRevoke = revokeActions(victim.get("/account/sessions").body()).getFirst();

        var attacker = browser(FIREFOX_WINDOWS);
        attacker.signIn(fixtures.person("Attacker"), TestApi.PASSWORD);
        assertThat(attacker.get("/account/sessions").body()).doesNotContain("Chrome on Linux");
        assertThat(attacker.post(victimRevoke, Map.of()).status()).isEqualTo(404);
        assertThat(victim.get("/account").status()).as("still signed in").isEqualTo(200);

        // a forged cross-site form, even from the victim's own browser, does nothing
        assertThat(victim.postWithoutCsrf(victimRevoke, Map.of()).status()).isEqualTo(403);
        assertThat(victim.postWithoutCsrf("/account/sessions/revoke-all", Map.of()).status()).isEqualTo(403);
        assertThat(victim.get("/account").status()).isEqualTo(200);
    }

    @Test
    void theSessionIdChangesAtSignInAndAtRegistration() {
        var browser = browser(CHROME_LINUX);
        browser.get("/sign-in");
        String before = browser.cookie("SESSION");
        assertThat(before).as("the sign-in form's CSRF token lives in a session").isNotNull();
        browser.signIn(fixtures.person("Fixated"), TestApi.PASSWORD);
        assertThat(browser.cookie("SESSION")).isNotNull().isNotEqualTo(before);

        var newcomer = browser(CHROME_LINUX);
        newcomer.get("/register");
        String anonymous = newcomer.cookie("SESSION");
        var registered = newcomer.post("/register", Map.of("displayName", "Newcomer", "email",
                "newcomer-" + System.nanoTime() + "@example.org", "password", TestApi.PASSWORD));
        assertThat(registered.redirectsTo("/account")).isTrue();
        assertThat(newcomer.cookie("SESSION")).isNotNull().isNotEqualTo(anonymous);
        assertThat(newcomer.get("/account/sessions").body()).contains("Chrome on Linux <span class=\"badge\">this session</span>");
    }

    @Test
    void theAccountPageLinksTheSecurityPages() {
        var browser = browser(null);
        browser.signIn(fixtures.person("Linked"), TestApi.PASSWORD);
        assertThat(browser.get("/account").body()).contains("href=\"/account/passkeys\"")
                .contains("href=\"/account/sessions\"").contains("href=\"/account/tokens\"");
    }

    private TestBrowser browser(String userAgent) {
        return new TestBrowser(port).userAgent(userAgent);
    }

    private static List<String> revokeActions(String html) {
        return REVOKE.matcher(html).results().map(m -> m.group(1)).toList();
    }
}

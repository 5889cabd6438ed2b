package org.polylogue.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

/** The passkeys page without JavaScript, removal, and attacks on it and on the WebAuthn endpoints. */
@PolylogueTest
class PasskeyPagesWebTest {

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
    void withoutJavaScriptThePageListsPasskeysAndSaysThatAddingOneNeedsIt() {
        String email = fixtures.person("No Script");
        String credential = passkeyOf(email, "Old phone");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);

        var page = browser.get("/account/passkeys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Adding a passkey needs JavaScript").contains("Old phone")
                .contains("<form class=\"stack\" id=\"add-passkey\" data-passkey-register hidden")
                .contains("action=\"/account/passkeys/" + credential + "/remove\"")
                .contains("<script src=\"/js/passkeys.js\" defer></script>");

        var removed = browser.post("/account/passkeys/" + credential + "/remove", Map.of());
        assertThat(removed.redirectsTo("/account/passkeys?removed")).isTrue();
        assertThat(browser.get("/account/passkeys?removed").body()).contains("The passkey was removed")
                .contains("You have no passkey yet.");
        assertThat(count(credential)).isZero();
        String accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(events.of(SecurityEvent.Kind.PASSKEY_REMOVED, accountId)).extracting(SecurityEvent::detail)
                .contains("Old phone");
    }

    @Test
    void theSignInPageKeepsThePasswordFormAndHidesThePasskeyButtonUntilScriptShowsIt() {
        var page = new TestBrowser(port).get("/sign-in?continue=/account");
        assertThat(page.body()).contains("data-passkey-sign-in hidden").contains("Sign in with a passkey")
                .contains("<form method=\"post\" action=\"/sign-in\"").contains("name=\"continue\" value=\"/account\"")
                .contains("<script src=\"/js/passkeys.js\" defer></script>");
        var script = new TestBrowser(port).get("/js/passkeys.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("/login/webauthn");
    }

    @Test
    void nobodyRemovesAnotherPersonsPasskeyAndForgedFormsAreRefused() {
        String owner = fixtures.person("Owner");
        String credential = passkeyOf(owner, "Owner's key");
        var ownerBrowser = new TestBrowser(port);
        ownerBrowser.signIn(owner, TestApi.PASSWORD);

        var intruder = new TestBrowser(port);
        intruder.signIn(fixtures.person("Intruder"), TestApi.PASSWORD);
        assertThat(intruder.get("/account/passkeys").body()).doesNotContain("Owner's key").doesNotContain(credential);
        assertThat(intruder.post("/account/passkeys/" + credential + "/remove", Map.of()).status()).isEqualTo(404);
        assertThat(count(credential)).isOne();

        ownerBrowser.get("/account/passkeys");
        assertThat(ownerBrowser.postWithoutCsrf("/account/passkeys/" + credential + "/remove", Map.of()).status())
                .isEqualTo(403);
        assertThat(count(credential)).isOne();

        var visitor = new TestBrowser(port);
        assertThat(visitor.get("/account/passkeys").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void theWebAuthnEndpointsNeedTheCsrfTokenAndRegistrationNeedsASignedInPerson() {
        var visitor = new TestBrowser(port);
        visitor.get("/sign-in");
        var options = visitor.post("/webauthn/authenticate/options", Map.of());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"rpId\":\"localhost\"").contains("\"userVerification\":\"required\"")
                .contains("\"challenge\"");
        assertThat(visitor.postWithoutCsrf("/webauthn/authenticate/options", Map.of()).status()).isEqualTo(403);

        // a made-up assertion does not sign anyone in
        var forged = visitor.post("/login/webauthn", Map.of());
        assertThat(forged.status()).isEqualTo(401);
        assertThat(visitor.get("/account").redirectsTo("/sign-in")).isTrue();

        // signed out, nobody gets registration options (Spring Security answers 400 there)
        visitor.get("/sign-in");
        var anonymous = visitor.post("/webauthn/register/options", Map.of());
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.body()).doesNotContain("challenge");
        assertThat(jdbc.sql("select count(*) from user_entities").query(Long.class).single()).isZero();

        String email = fixtures.person("Registrant");
        var person = new TestBrowser(port);
        person.signIn(email, TestApi.PASSWORD);
        person.get("/account/passkeys");
        assertThat(person.postWithoutCsrf("/webauthn/register/options", Map.of()).status()).isEqualTo(403);
        var creation = person.post("/webauthn/register/options", Map.of());
        assertThat(creation.status()).isEqualTo(200);
        assertThat(creation.body()).contains("\"name\":\"Polylogue\"").contains("\"id\":\"localhost\"")
                .contains("\"name\":\"" + email + "\"").contains("\"userVerification\":\"required\"")
                .contains("\"residentKey\":\"required\"");
        assertThat(person.postWithoutCsrf("/webauthn/register", Map.of()).status()).isEqualTo(403);
    }

    /** Stores a passkey for the person as Spring's repositories would, and returns its credential id. */
    private String passkeyOf(String email, String label) {
        byte[] handle = new byte[16];
        new java.security.SecureRandom().nextBytes(handle);
        String user = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
        // credential ids are base64url of the authenticator's bytes, as Spring stores them
        byte[] id = new byte[16];
        new java.security.SecureRandom().nextBytes(id);
        String credential = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        jdbc.sql("insert into user_entities (id, name, display_name) values (:id, :name, :name)").param("id", user)
                .param("name", email).update();
        jdbc.sql("""
                insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                    uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type, backup_state,
                    created, last_used, label)
                values (:credential, :user, '\\x00'::bytea, 0, true, false, 'internal', 'public-key', false, now(), now(), :label)""")
                .param("credential", credential).param("user", user).param("label", label).update();
        return credential;
    }

    private long count(String credential) {
        return jdbc.sql("select count(*) from user_credentials where credential_id = :id").param("id", credential)
                .query(Long.class).single();
    }
}

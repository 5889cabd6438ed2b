package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person shows only a pseudonym publicly; the secretariat of the process still sees who they are. */
@PolylogueTest
class PseudonymWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String realName;
    String email;
    String token;
    String pseudonym;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        realName = "Real Person " + UUID.randomUUID().toString().substring(0, 6);
        email = fixtures.person(realName);
        token = api.token(email, TestApi.PASSWORD);
        pseudonym = "Night Owl " + UUID.randomUUID().toString().substring(0, 6);
    }

    private TestApi.Response setPseudonym(String value, String bearer) {
        Map<String, String> body = new HashMap<>();
        body.put("pseudonym", value);
        return api.send("PUT", "/api/v1/accounts/me/pseudonym", TestApi.json(body), bearer, "application/json",
                Map.of());
    }

    @Test
    void thePseudonymReplacesTheRealNameInPublicButTheSecretariatSeesTheIdentity() {
        var set = setPseudonym("  " + pseudonym + " ", token);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("pseudonym").asString()).isEqualTo(pseudonym);

        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        String organization = fixtures.organization(token, "Owls Collective " + UUID.randomUUID(), "CIVIL_SOCIETY", "DE");
        String commentId = fixtures.comment(token, slug, paragraph, "Watch the night.");
        fixtures.comment(token, slug, null, "The whole text, at night.");

        // signed out and an ordinary signed-in person: the pseudonym only
        String ordinary = api.registerAndSignIn("Ordinary Reader");
        for (String viewer : new String[] {null, ordinary}) {
            var list = api.get("/api/v1/consultations/" + slug + "/comments", viewer);
            assertThat(list.body()).contains(pseudonym).doesNotContain(realName).doesNotContain("authorIdentity");
            var one = api.get("/api/v1/consultations/" + slug + "/comments/" + commentId, viewer);
            assertThat(one.json().get("author").asString()).isEqualTo(pseudonym);
            assertThat(one.body()).doesNotContain(realName);
        }
        var reader = new TestBrowser(port);
        reader.signIn(fixtures.person("Ordinary Browser"), TestApi.PASSWORD);
        for (TestBrowser browser : new TestBrowser[] {new TestBrowser(port), reader}) {
            assertThat(browser.get("/consultations/" + slug + "/paragraphs/" + paragraph).body()).contains(pseudonym)
                    .doesNotContain(realName).doesNotContain("verified identity");
            assertThat(browser.get("/consultations/" + slug + "/document-comments").body()).contains(pseudonym)
                    .doesNotContain(realName);
            assertThat(browser.get("/consultations/" + slug).body()).contains(pseudonym).doesNotContain(realName);
            assertThat(browser.get("/organizations/" + organization).body()).contains(pseudonym)
                    .doesNotContain(realName);
        }
        assertThat(api.get("/api/v1/organizations/" + organization + "/members").body()).contains(pseudonym)
                .doesNotContain(realName);

        // the secretariat (here an administrator) sees the verified identity, in the API and on comment pages
        var seen = api.get("/api/v1/consultations/" + slug + "/comments/" + commentId, admin).json();
        assertThat(seen.get("author").asString()).isEqualTo(pseudonym);
        assertThat(seen.get("authorIdentity").get("displayName").asString()).isEqualTo(realName);
        assertThat(seen.get("authorIdentity").get("emailVerified").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments", admin).body()).contains(realName);
        var secretariat = new TestBrowser(port);
        secretariat.signIn("admin@example.org", "administrator password");
        assertThat(secretariat.get("/consultations/" + slug + "/paragraphs/" + paragraph).body())
                .contains(pseudonym + "</strong> <span class=\"identity\">— verified identity: " + realName
                        + " (email verified: yes)</span>");

        // and what the secretariat saw never reaches anyone else, the shared signed-out page included
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).doesNotContain(realName);
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/paragraphs/" + paragraph).body())
                .doesNotContain(realName);
    }

    @Test
    void takingAPseudonymHidesTheNameAtOnceOnTheSharedSignedOutPage() {
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        fixtures.comment(token, slug, null, "Said before choosing a pseudonym.");
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).contains(realName);
        setPseudonym(pseudonym, token);
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).contains(pseudonym)
                .doesNotContain(realName);
    }

    @Test
    void removingThePseudonymShowsTheDisplayNameAgain() {
        setPseudonym(pseudonym, token);
        var removed = setPseudonym(null, token);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("pseudonym").isNull()).isTrue();
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        fixtures.comment(token, slug, null, "Under my own name.");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").body()).contains(realName);
    }

    @Test
    void aPseudonymMustBeFreeAndOfTheRightLength() {
        assertProblem(setPseudonym("x", token), 400, "invalid-input", "pseudonym");
        assertProblem(setPseudonym("x".repeat(61), token), 400, "invalid-input", "pseudonym");
        assertProblem(setPseudonym("bell\u0007", token), 400, "invalid-input", "pseudonym");

        String other = api.registerAndSignIn("Someone Else Entirely");
        assertThat(setPseudonym(pseudonym, other).status()).isEqualTo(200);
        assertProblem(setPseudonym(pseudonym.toUpperCase(), token), 409, "pseudonym-taken", "pseudonym");
        api.registerAndSignIn("Visible Name Person");
        assertProblem(setPseudonym("visible NAME person", token), 409, "pseudonym-taken", "pseudonym");
        // a display name hidden behind a pseudonym is not public, and trying it must not confirm it exists
        assertThat(setPseudonym("someone else ENTIRELY", token).status()).isEqualTo(200);
        String org = "Ministry of Owls " + UUID.randomUUID().toString().substring(0, 6);
        fixtures.organization(other, org, "MEMBER_STATE", "FR");
        assertProblem(setPseudonym(org.toLowerCase(), token), 409, "pseudonym-taken", "pseudonym");
        assertThat(accounts.findByEmail(email).orElseThrow().pseudonym()).as("the refused names changed nothing").isEqualTo("someone else ENTIRELY");
        assertThat(setPseudonym(pseudonym, null).status()).isEqualTo(401);
    }

    @Test
    void theAccountPageSetsThePseudonymAndSaysWhatToFix() {
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/account").body()).contains("Others see you as <strong>" + realName + "</strong>");
        var refused = browser.post("/account/pseudonym", Map.of("pseudonym", "y"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"pseudonym-error\"").contains("value=\"y\"")
                .contains("aria-describedby=\"pseudonym-hint pseudonym-error\"");
        var saved = browser.post("/account/pseudonym", Map.of("pseudonym", pseudonym));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(browser.open(saved.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Your public name was saved.").contains("Others see you as <strong>" + pseudonym + "</strong>");
        assertThat(browser.postWithoutCsrf("/account/pseudonym", Map.of("pseudonym", "Forged Name")).status())
                .isEqualTo(403);
    }

    @Test
    void nobodyCanRegisterUnderSomeoneElsesPseudonym() {
        String token = api.token(fixtures.person("Hidden Person"), TestApi.PASSWORD);
        assertThat(setPseudonym("Night Owl", token).status()).isEqualTo(200);
        var refused = api.post("/api/v1/accounts", java.util.Map.of("email", "impostor@example.org", "password",
                TestApi.PASSWORD, "displayName", "night owl"), null);
        TestApi.assertProblem(refused, 409, "name-taken", "displayName");
        assertThat(accounts.findByEmail("impostor@example.org")).isEmpty();
    }
}

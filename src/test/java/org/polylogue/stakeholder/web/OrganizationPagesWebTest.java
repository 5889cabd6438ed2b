package org.polylogue.stakeholder.web;

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
class OrganizationPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String email;
    String token;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        email = fixtures.person("Camila Rojas");
        token = api.token(email, TestApi.PASSWORD);
    }

    @Test
    void theOrganisationPageShowsWhoItIsAndWhatItSaid() {
        String organization = fixtures.organization(token, "Digital Rights Lab", "CIVIL_SOCIETY", "CL");
        var empty = new TestBrowser(port).get("/organizations/" + organization);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("<h1>Digital Rights Lab</h1>").contains("Civil society")
                .contains("Chile (CL)").contains("Latin American and Caribbean Group").contains("Camila Rojas — representative")
                .contains("No contributions yet.").doesNotContain("Add a person");

        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        var comment = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("paragraphId", paragraph, "body",
                "Stakeholders need *time* to respond.", "organizationId", organization), token);
        api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", "Personal view, not the Lab's."), token);

        String html = new TestBrowser(port).get("/organizations/" + organization).body();
        assertThat(html).contains("Stakeholders need <em>time</em> to respond.")
                .contains("Comment on a paragraph of Consultation on the draft report")
                .contains("href=\"/consultations/" + slug + "/paragraphs/" + paragraph + "#comment-"
                        + comment.json().get("id").asString() + "\"")
                .doesNotContain("Personal view").doesNotContain("No contributions yet.");
    }

    @Test
    void creatingAnOrganisationNeedsSignIn() {
        assertThat(new TestBrowser(port).get("/organizations/new").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void theCreationFormSaysWhatToFixAndKeepsWhatWasTyped() {
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/organizations/new").body()).contains("<option value=\"KE\">Kenya</option>")
                .contains("<option value=\"CIVIL_SOCIETY\" selected>");
        var noCountry = browser.post("/organizations", Map.of("name", "Typed Institute", "type", "ACADEMIA", "country", ""));
        assertThat(noCountry.status()).isEqualTo(422);
        assertThat(noCountry.body()).contains("value=\"Typed Institute\"").contains("<option value=\"ACADEMIA\" selected>");
        assertThat(fieldError(noCountry.body(), "country")).containsAnyOf("is required", "ISO 3166-1 alpha-2");

        var badType = browser.post("/organizations", Map.of("name", "Typed Institute", "type", "NGO", "country", "KE"));
        assertThat(badType.status()).isEqualTo(422);
        assertThat(fieldError(badType.body(), "type")).contains("must be one of");
        assertThat(badType.body()).contains("<option value=\"KE\" selected>");

        var created = browser.post("/organizations", Map.of("name", "Typed Institute", "type", "ACADEMIA", "country", "KE"));
        assertThat(created.redirectsTo("/organizations/")).as(created.toString()).isTrue();
        assertThat(browser.get(created.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("<h1>Typed Institute</h1>").contains("African Group");

        browser.get("/organizations/new");
        var duplicate = browser.post("/organizations", Map.of("name", "typed institute", "type", "ACADEMIA", "country", "KE"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(fieldError(duplicate.body(), "name")).contains("already exists");
    }

    @Test
    void representativesAddPeopleFromThePageAndOthersCannot() {
        String organization = fixtures.organization(token, "Vistula Secure Systems", "PRIVATE_SECTOR", "PL");
        String colleague = fixtures.person("Piotr Nowak");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/organizations/" + organization).body()).contains("Invite a person");

        // the same answer whether or not the address is registered: nobody is unmasked by inviting them
        var unknown = browser.post("/organizations/" + organization + "/members", Map.of("email", "nobody@example.org",
                "role", "MEMBER"));
        assertThat(unknown.redirectsTo("/organizations/" + organization + "?member-added")).isTrue();
        var notAnAddress = browser.post("/organizations/" + organization + "/members", Map.of("email", "nobody",
                "role", "MEMBER"));
        assertThat(notAnAddress.status()).isEqualTo(422);
        assertThat(fieldError(notAnAddress.body(), "member-email")).contains("is not an email address");

        var added = browser.post("/organizations/" + organization + "/members", Map.of("email", colleague, "role",
                "MEMBER"));
        assertThat(added.redirectsTo("/organizations/" + organization + "?member-added")).as(added.toString()).isTrue();
        var invited = browser.get("/organizations/" + organization + "?member-added");
        assertThat(invited.body()).contains("its owner is invited").doesNotContain("Piotr Nowak")
                .contains("1 invitation is waiting for an answer");

        var outsider = new TestBrowser(port);
        outsider.signIn(colleague, TestApi.PASSWORD);
        assertThat(outsider.get("/organizations/invitations").body()).contains("Vistula Secure Systems")
                .contains("Accept and join");
        assertThat(outsider.post("/organizations/" + organization + "/invitation/accept", Map.of())
                .redirectsTo("/organizations/" + organization + "?done=joined")).isTrue();
        assertThat(browser.get("/organizations/" + organization).body()).contains("Piotr Nowak — member");

        assertThat(outsider.get("/organizations/" + organization).body()).doesNotContain("Invite a person");
        var refused = outsider.post("/organizations/" + organization + "/members", Map.of("email", colleague, "role",
                "REPRESENTATIVE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(outsider.get("/organizations/" + organization).body()).contains("Piotr Nowak — member");
    }

    @Test
    void anInviteeWhoDeclinesIsNeverShown() {
        String email = fixtures.person("Inviting Representative");
        String token = api.token(email, TestApi.PASSWORD);
        String organization = fixtures.organization(token, "Baltic Cable Watch", "CIVIL_SOCIETY", "EE");
        String invitee = fixtures.person("Reluctant Invitee");
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        browser.get("/organizations/" + organization);
        browser.post("/organizations/" + organization + "/members", Map.of("email", invitee, "role", "MEMBER"));
        assertThat(fixtures.lastMailTo(invitee)).contains("invited you to join it on Polylogue")
                .contains("/organizations/invitations");

        var inviteeBrowser = new TestBrowser(port);
        inviteeBrowser.signIn(invitee, TestApi.PASSWORD);
        inviteeBrowser.get("/organizations/invitations");
        assertThat(inviteeBrowser.post("/organizations/" + organization + "/invitation/decline", Map.of())
                .redirectsTo("/organizations/invitations?done=declined")).isTrue();
        assertThat(inviteeBrowser.get("/organizations/invitations?done=declined").body())
                .contains("You have no open invitation");
        assertThat(browser.get("/organizations/" + organization).body()).doesNotContain("Reluctant Invitee");
        assertThat(inviteeBrowser.post("/organizations/" + organization + "/invitation/accept", Map.of())
                .redirectsTo("/organizations/invitations?done=gone")).isTrue();
        assertThat(browser.get("/organizations/" + organization).body()).doesNotContain("Reluctant Invitee");
    }

    static String fieldError(String html, String field) {
        var matcher = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("a message at field " + field).isTrue();
        return matcher.group(1);
    }
}

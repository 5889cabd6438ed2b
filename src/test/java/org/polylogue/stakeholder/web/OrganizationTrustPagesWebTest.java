package org.polylogue.stakeholder.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
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

/** The organisation page's verification and member forms, the domain link's page, and the badge. */
@PolylogueTest
class OrganizationTrustPagesWebTest {

    private static final String BADGE = "<span class=\"verified\" role=\"img\" aria-label=\"verified organisation\">✓ Verified</span>";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String email;
    String token;
    String organization;
    String domain;
    TestBrowser representative;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        email = fixtures.person("Ana Folau");
        token = api.token(email, TestApi.PASSWORD);
        organization = fixtures.organization(token, "Pacific Cyber Lab " + UUID.randomUUID(), "ACADEMIA", "TO");
        domain = "lab-" + UUID.randomUUID().toString().substring(0, 8) + ".example.to";
        representative = new TestBrowser(port);
        representative.signIn(email, TestApi.PASSWORD);
    }

    private String linkIn(String to) {
        var matcher = Pattern.compile("https?://[^/\\s]+(/organizations/verify-domain\\?token=[A-Za-z0-9_-]+)")
                .matcher(fixtures.lastMailTo(to));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aRepresentativeClaimsTheDomainAndTheLinkVerifiesWithoutSignIn() {
        var page = representative.get("/organizations/" + organization);
        assertThat(page.body()).contains("Verify the organisation by its mail domain").contains("Not verified")
                .doesNotContain("Administrator: verification");
        var sent = representative.post("/organizations/" + organization + "/domain-claims", Map.of("email", "it@" + domain));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(representative.open(sent.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("We mailed a confirmation link");

        String link = linkIn("it@" + domain);
        var visitor = new TestBrowser(port);
        var opened = visitor.get(link);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("Confirm the mail domain").contains(domain);
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean())
                .as("opening the link (as a mail scanner does) verifies nothing").isFalse();
        var confirmed = visitor.post("/organizations/verify-domain",
                Map.of("token", link.substring(link.indexOf('=') + 1)));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("is verified").contains(domain);
        var again = new TestBrowser(port).get(link);
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.body()).contains("is verified");

        String html = new TestBrowser(port).get("/organizations/" + organization).body();
        assertThat(html).contains(BADGE).contains("Verified by its mail domain <strong>" + domain + "</strong>");
    }

    @Test
    void publicMailAndClaimedDomainsAreRefusedNextToTheField() {
        representative.get("/organizations/" + organization);
        var freeMail = representative.post("/organizations/" + organization + "/domain-claims",
                Map.of("email", "ana.folau@gmail.com"));
        assertThat(freeMail.status()).isEqualTo(422);
        assertThat(freeMail.body()).contains("id=\"claim-email-error\"").contains("public mail service")
                .contains("value=\"ana.folau@gmail.com\"").contains("claim-email-hint claim-email-error")
                .contains("<title>Error:");

        api.post("/api/v1/organizations/" + organization + "/domain-claims", Map.of("email", "a@" + domain), token);
        String link = linkIn("a@" + domain);
        api.post("/api/v1/organizations/domain-claims/confirmation",
                Map.of("token", link.substring(link.indexOf('=') + 1)), null);
        String other = fixtures.organization(token, "Copycat Lab " + UUID.randomUUID(), "ACADEMIA", "TO");
        representative.get("/organizations/" + other);
        var claimed = representative.post("/organizations/" + other + "/domain-claims", Map.of("email", "b@" + domain));
        assertThat(claimed.status()).isEqualTo(409);
        assertThat(claimed.body()).contains("id=\"claim-email-error\"").contains("already claimed by another organisation");
    }

    @Test
    void badLinksGetAClearPage() {
        var tampered = new TestBrowser(port).get("/organizations/verify-domain?token=not-a-real-token");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.body()).contains("This link did not work").contains("not valid");
        assertThat(new TestBrowser(port).get("/organizations/verify-domain").status()).isEqualTo(400);
        var forged = new TestBrowser(port);
        forged.get("/sign-in");
        assertThat(forged.post("/organizations/verify-domain", Map.of("token", "forged")).status()).isEqualTo(400);
    }

    @Test
    void someoneElseCannotClaimOrVerifyThroughTheForms() {
        var stranger = new TestBrowser(port);
        stranger.signIn(fixtures.person("Stranger"), TestApi.PASSWORD);
        var page = stranger.get("/organizations/" + organization);
        assertThat(page.body()).doesNotContain("Verify the organisation by its mail domain")
                .doesNotContain("Administrator: verification").doesNotContain("Make member");
        assertThat(stranger.post("/organizations/" + organization + "/domain-claims", Map.of("email", "x@" + domain))
                .status()).isEqualTo(403);
        assertThat(stranger.post("/organizations/" + organization + "/verification", Map.of("reason", "trust me"))
                .status()).isEqualTo(403);
        assertThat(stranger.post("/organizations/" + organization + "/ecosoc-status", Map.of("status", "GENERAL"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("ecosocStatus").isNull()).isTrue();
    }

    @Test
    void anAdministratorVerifiesRevokesAndRecordsEcosocStatusOnThePage() {
        fixtures.administrator();
        var admin = new TestBrowser(port);
        admin.signIn("admin@example.org", "administrator password");
        admin.get("/organizations/" + organization);
        var empty = admin.post("/organizations/" + organization + "/verification", Map.of("reason", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"verify-reason-error\"").contains("The reason is required.");
        assertThat(admin.post("/organizations/" + organization + "/verification",
                Map.of("reason", "Known member of the <Tonga> network.")).status()).isEqualTo(302);
        assertThat(admin.post("/organizations/" + organization + "/ecosoc-status", Map.of("status", "ROSTER")).status())
                .isEqualTo(302);
        String html = new TestBrowser(port).get("/organizations/" + organization).body();
        assertThat(html).contains(BADGE).contains("Verified by a platform administrator on")
                .contains("Reason: Known member of the &lt;Tonga&gt; network.").contains("Roster status");

        admin.get("/organizations/" + organization);
        assertThat(admin.post("/organizations/" + organization + "/verification/revocation",
                Map.of("reason", "Asked by the lab.")).status()).isEqualTo(302);
        assertThat(new TestBrowser(port).get("/organizations/" + organization).body()).doesNotContain(BADGE)
                .contains("Not verified");
    }

    @Test
    void theBadgeShowsOnCommentsAndInMyContributions() {
        String admin = fixtures.administrator();
        var consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        String slug = consultation.get("slug").asString();
        String paragraph = consultation.get("document").get("paragraphs").get(1).get("id").asString();
        api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("paragraphId", paragraph, "body", "For the lab.", "organizationId", organization), token);
        // the shared signed-out page, rendered before the verification, is not served after it
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).contains("For the lab.")
                .doesNotContain(BADGE);
        api.post("/api/v1/organizations/" + organization + "/verification", Map.of("reason", "Known."), admin);
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).contains(BADGE);
        var comment = api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("paragraphId", paragraph, "body", "Again for the lab.", "organizationId", organization), token);
        assertThat(comment.json().get("organization").get("verified").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").json().get("items").get(0)
                .get("organization").get("verified").asBoolean()).isTrue();

        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).contains(BADGE);
        api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", "Withdrawn for the test.")), admin, "application/json", Map.of());
        assertThat(new TestBrowser(port).get("/consultations/" + slug).body()).doesNotContain(BADGE);
        api.post("/api/v1/organizations/" + organization + "/verification", Map.of("reason", "Known."), admin);
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/paragraphs/" + paragraph).body())
                .contains(BADGE);
        assertThat(representative.get("/me/contributions").body()).contains(BADGE);
        assertThat(representative.get("/consultations/" + slug).body()).contains(" (verified)</option>");
    }

    @Test
    void representativesManageMembersOnThePageButNeverLeaveNoRepresentative() {
        String memberEmail = fixtures.person("Sione Member");
        fixtures.join(token, organization, memberEmail, "MEMBER");
        String memberId = accounts.findByEmail(memberEmail).orElseThrow().id();
        String myId = accounts.findByEmail(email).orElseThrow().id();

        var page = representative.get("/organizations/" + organization);
        assertThat(page.body()).contains("Make representative<span class=\"visually-hidden\">: Sione Member</span>");
        var last = representative.post("/organizations/" + organization + "/members/" + myId + "/removal", Map.of());
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.body()).contains("role=\"alert\">This is the organisation's only representative");

        assertThat(representative.post("/organizations/" + organization + "/members/" + memberId + "/role",
                Map.of("role", "REPRESENTATIVE")).status()).isEqualTo(302);
        representative.get("/organizations/" + organization);
        var left = representative.post("/organizations/" + organization + "/members/" + myId + "/removal", Map.of());
        assertThat(left.status()).isEqualTo(302);
        assertThat(new TestBrowser(port).get("/organizations/" + organization).body())
                .contains("Sione Member — representative").doesNotContain("Ana Folau");

        var member = new TestBrowser(port);
        member.signIn(fixtures.person("Outsider"), TestApi.PASSWORD);
        member.get("/organizations/" + organization);
        assertThat(member.post("/organizations/" + organization + "/members/" + memberId + "/removal", Map.of())
                .status()).isEqualTo(403);
    }
}

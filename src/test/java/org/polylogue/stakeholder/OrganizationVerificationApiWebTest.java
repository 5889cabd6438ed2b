package org.polylogue.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PolylogueTest
class OrganizationVerificationApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String representative;
    String organization;
    String domain;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        representative = api.token(fixtures.person("Amara Diallo"), TestApi.PASSWORD);
        organization = fixtures.organization(representative, "Institute " + UUID.randomUUID(), "ACADEMIA", "SN");
        domain = "mfa-" + UUID.randomUUID().toString().substring(0, 8) + ".example.gov";
    }

    /** The token of the domain link in the newest mail to {@code email}. */
    static String domainToken(Fixtures fixtures, String email) {
        var matcher = Pattern.compile("/organizations/verify-domain\\?token=([A-Za-z0-9_-]+)")
                .matcher(fixtures.lastMailTo(email));
        assertThat(matcher.find()).as("a domain link in the mail to " + email).isTrue();
        return matcher.group(1);
    }

    @Test
    void aRepresentativeVerifiesTheOrganisationByItsMailDomain() {
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean()).isFalse();
        var claim = api.post("/api/v1/organizations/" + organization + "/domain-claims",
                Map.of("email", "Protocol@" + domain.toUpperCase()), representative);
        assertThat(claim.status()).as(claim.body()).isEqualTo(202);
        assertThat(claim.json().get("domain").asString()).isEqualTo(domain);
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean())
                .as("not verified before the link is opened").isFalse();

        String token = domainToken(fixtures, "Protocol@" + domain);
        var confirmed = api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", token), null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var found = api.get("/api/v1/organizations/" + organization).json();
        assertThat(found.get("verified").asBoolean()).isTrue();
        assertThat(found.get("verificationMethod").asString()).isEqualTo("DOMAIN");
        assertThat(found.get("verificationNote").asString()).isEqualTo(domain);
        assertThat(found.get("verifiedAt").asString()).endsWith("Z");

        var again = api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", token), null);
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.json().get("verifiedAt").asString()).isEqualTo(found.get("verifiedAt").asString());
    }

    @Test
    void internationalisedDomainsAreStoredInAscii() {
        var claim = api.post("/api/v1/organizations/" + organization + "/domain-claims",
                Map.of("email", "info@Bücher-" + domain), representative);
        assertThat(claim.status()).as(claim.body()).isEqualTo(202);
        String ascii = claim.json().get("domain").asString();
        assertThat(ascii).startsWith("xn--bcher-").endsWith(domain.substring(domain.indexOf('.')))
                .matches("[a-z0-9.-]+");
        assertThat(domainToken(fixtures, "info@" + ascii)).isNotBlank();
    }

    @Test
    void someoneWhoDoesNotRepresentTheOrganisationCannotClaimItsDomain() {
        String member = fixtures.person("Not A Representative");
        fixtures.join(representative, organization, member, "MEMBER");
        String stranger = api.registerAndSignIn("Stranger");
        for (String token : new String[] {api.token(member, TestApi.PASSWORD), stranger}) {
            assertProblem(api.post("/api/v1/organizations/" + organization + "/domain-claims",
                    Map.of("email", "attacker@" + domain), token), 403, "not-representative", null);
        }
        assertThat(api.post("/api/v1/organizations/" + organization + "/domain-claims",
                Map.of("email", "attacker@" + domain), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/dev/mailbox?size=500").body()).doesNotContain("attacker@" + domain);
        assertThat(jdbc.sql("select count(*) from stakeholder_domain_claim where organization_id = :id")
                .param("id", organization).query(Long.class).single()).isZero();
    }

    @Test
    void publicMailServicesAndMalformedAddressesAreRefusedByField() {
        for (String email : new String[] {"someone@gmail.com", "someone@GMAIL.com", "x@yahoo.co.uk", "x@yahoo.fr",
                "x@mail.ru", "x@qq.com", "x@163.com", "x@yandex.kz", "x@proton.me", "x@gmx.de", "x@outlook.com",
                "x@eu.outlook.com"}) {
            var refused = api.post("/api/v1/organizations/" + organization + "/domain-claims", Map.of("email", email),
                    representative);
            assertProblem(refused, 400, "invalid-input", "email");
            assertThat(refused.body()).contains("public mail service");
        }
        for (String email : new String[] {"", "no-at-sign", "a@b", "two@@" + domain, "x@-bad-.example"}) {
            assertProblem(api.post("/api/v1/organizations/" + organization + "/domain-claims", Map.of("email", email),
                    representative), 400, "invalid-input", "email");
        }
        assertThat(jdbc.sql("select count(*) from stakeholder_domain_claim where organization_id = :id")
                .param("id", organization).query(Long.class).single()).isZero();
    }

    @Test
    void aDomainBelongsToOneOrganisationOnly() {
        claimAndConfirm(representative, organization, "it@" + domain);
        String other = fixtures.organization(representative, "Impostor " + UUID.randomUUID(), "CIVIL_SOCIETY", "SN");
        assertProblem(api.post("/api/v1/organizations/" + other + "/domain-claims", Map.of("email", "x@" + domain),
                representative), 409, "domain-claimed", null);
        assertThat(api.get("/api/v1/organizations/" + other).json().get("verified").asBoolean()).isFalse();
    }

    @Test
    void aLinkForADomainConfirmedMeanwhileByAnotherOrganisationIsRefused() {
        String other = fixtures.organization(representative, "Second " + UUID.randomUUID(), "CIVIL_SOCIETY", "SN");
        api.post("/api/v1/organizations/" + other + "/domain-claims", Map.of("email", "b@" + domain), representative);
        String late = domainToken(fixtures, "b@" + domain);
        claimAndConfirm(representative, organization, "a@" + domain);
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", late), null), 409,
                "domain-claimed", null);
        assertThat(api.get("/api/v1/organizations/" + other).json().get("verified").asBoolean()).isFalse();
    }

    @Test
    void tamperedExpiredAndUsedLinksAreRefused() {
        api.post("/api/v1/organizations/" + organization + "/domain-claims", Map.of("email", "a@" + domain),
                representative);
        String token = domainToken(fixtures, "a@" + domain);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", tampered), null),
                400, "invalid-token", "token");
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", ""), null), 400,
                "invalid-token", "token");

        jdbc.sql("update stakeholder_domain_claim set expires_at = :past where organization_id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("id", organization).update();
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", token), null), 400,
                "expired-token", "token");
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean()).isFalse();

        // used, then the verification withdrawn: the old link cannot verify again
        String used = claimAndConfirm(representative, organization, "c@" + domain);
        String admin = fixtures.administrator();
        var revoked = api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", "The ministry says this address is not theirs.")), admin,
                "application/json", Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("verified").asBoolean()).isFalse();
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", used), null), 400,
                "used-token", "token");
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean()).isFalse();
    }

    @Test
    void aLinkNoLongerWorksOnceItsClaimantStoppedRepresentingTheOrganisation() {
        String colleague = fixtures.person("Colleague");
        fixtures.join(representative, organization, colleague, "REPRESENTATIVE");
        String colleagueToken = api.token(colleague, TestApi.PASSWORD);
        api.post("/api/v1/organizations/" + organization + "/domain-claims", Map.of("email", "z@" + domain),
                colleagueToken);
        String token = domainToken(fixtures, "z@" + domain);
        String colleagueId = accounts.findByEmail(colleague).orElseThrow().id();
        assertThat(api.send("DELETE", "/api/v1/organizations/" + organization + "/members/" + colleagueId, null,
                representative, "application/json", Map.of()).status()).isEqualTo(204);
        assertProblem(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", token), null), 403,
                "not-representative", null);
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("verified").asBoolean()).isFalse();
    }

    @Test
    void anAdministratorVerifiesWithAPublicReason() {
        String admin = fixtures.administrator();
        assertProblem(api.post("/api/v1/organizations/" + organization + "/verification", Map.of("reason", ""), admin),
                400, "invalid-input", "reason");
        assertProblem(api.post("/api/v1/organizations/" + organization + "/verification",
                Map.of("reason", "x".repeat(501)), admin), 400, "invalid-input", "reason");
        var verified = api.post("/api/v1/organizations/" + organization + "/verification",
                Map.of("reason", "Confirmed by letter from the Permanent Mission, 2 November."), admin);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();
        assertThat(verified.json().get("verificationMethod").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(verified.json().get("verificationNote").asString())
                .isEqualTo("Confirmed by letter from the Permanent Mission, 2 November.");
        assertProblem(api.post("/api/v1/organizations/nosuchorganisation/verification", Map.of("reason", "x"), admin),
                404, "organization-not-found", null);
    }

    @Test
    void onlyAdministratorsVerifyRevokeOrSetEcosocStatus() {
        String stranger = api.registerAndSignIn("Would Be Admin");
        for (String token : new String[] {representative, stranger}) {
            assertProblem(api.post("/api/v1/organizations/" + organization + "/verification",
                    Map.of("reason", "I say so"), token), 403, "not-administrator", null);
            assertProblem(api.send("PUT", "/api/v1/organizations/" + organization + "/ecosoc-status",
                    TestApi.json(Map.of("status", "GENERAL")), token, "application/json", Map.of()), 403,
                    "not-administrator", null);
        }
        String admin = fixtures.administrator();
        api.post("/api/v1/organizations/" + organization + "/verification", Map.of("reason", "Known to us."), admin);
        assertProblem(api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", "x")), representative, "application/json", Map.of()), 403,
                "not-administrator", null);
        var found = api.get("/api/v1/organizations/" + organization).json();
        assertThat(found.get("verificationNote").asString()).isEqualTo("Known to us.");
        assertThat(found.get("ecosocStatus").isNull()).isTrue();
    }

    @Test
    void anAdministratorRecordsTheEcosocStatus() {
        String admin = fixtures.administrator();
        var set = api.send("PUT", "/api/v1/organizations/" + organization + "/ecosoc-status",
                TestApi.json(Map.of("status", "SPECIAL")), admin, "application/json", Map.of());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + organization).json().get("ecosocStatus").asString())
                .isEqualTo("SPECIAL");
        assertProblem(api.send("PUT", "/api/v1/organizations/" + organization + "/ecosoc-status",
                TestApi.json(Map.of("status", "CONSULTATIVE")), admin, "application/json", Map.of()), 400,
                "invalid-input", "status");
        var cleared = api.send("PUT", "/api/v1/organizations/" + organization + "/ecosoc-status",
                "{\"status\": null}", admin, "application/json", Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("ecosocStatus").isNull()).isTrue();
    }

    @Test
    void revokingNeedsAReasonAndAVerifiedOrganisation() {
        String admin = fixtures.administrator();
        assertProblem(api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", "Not what it claims.")), admin, "application/json", Map.of()), 409,
                "not-verified", null);
        claimAndConfirm(representative, organization, "a@" + domain);
        assertProblem(api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", " ")), admin, "application/json", Map.of()), 400, "invalid-input",
                "reason");
        api.send("DELETE", "/api/v1/organizations/" + organization + "/verification",
                TestApi.json(Map.of("reason", "Not what it claims.")), admin, "application/json", Map.of());
        // the domain is free again for the organisation that really holds it
        String rightful = fixtures.organization(representative, "Rightful " + UUID.randomUUID(), "ACADEMIA", "SN");
        claimAndConfirm(representative, rightful, "b@" + domain);
        assertThat(api.get("/api/v1/organizations/" + rightful).json().get("verified").asBoolean()).isTrue();
    }

    /** Claims the domain of {@code email} for the organisation, confirms it and returns the used token. */
    private String claimAndConfirm(String token, String organizationId, String email) {
        var claim = api.post("/api/v1/organizations/" + organizationId + "/domain-claims", Map.of("email", email), token);
        assertThat(claim.status()).as(claim.body()).isEqualTo(202);
        String link = domainToken(fixtures, email);
        assertThat(api.post("/api/v1/organizations/domain-claims/confirmation", Map.of("token", link), null).status())
                .isEqualTo(200);
        return link;
    }

    @Test
    void aStateOrIntergovernmentalOrganisationIsNeverVerifiedByAMailDomain() {
        String representative = api.token(fixtures.person("Would-be Delegate"), TestApi.PASSWORD);
        for (String type : new String[] {"MEMBER_STATE", "INTERGOVERNMENTAL"}) {
            String organization = fixtures.organization(representative, "Look-alike " + type + " " + UUID.randomUUID(),
                    type, "FR");
            TestApi.assertProblem(api.post("/api/v1/organizations/" + organization + "/domain-claims",
                    Map.of("email", "delegate@gouv-fr.example"), representative), 409,
                    "administrator-verification-required", null);
            org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/organizations/" + organization).json()
                    .get("verified").asBoolean()).isFalse();
        }
    }
}

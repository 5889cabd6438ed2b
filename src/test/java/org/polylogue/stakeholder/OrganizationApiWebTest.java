package org.polylogue.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class OrganizationApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    TestApi api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
    }

    @Test
    void aPersonCreatesAnOrganisationAndBecomesItsRepresentative() {
        String email = fixtures.person("Wanjiru Kamau");
        String token = api.token(email, TestApi.PASSWORD);
        var created = api.post("/api/v1/organizations", Map.of("name", "  Nairobi   Cyber Forum ", "type",
                "CIVIL_SOCIETY", "country", "ke"), token);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/organizations/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("Nairobi Cyber Forum");
        assertThat(created.json().get("country").asString()).isEqualTo("KE");

        var found = api.get("/api/v1/organizations/" + id);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("type").asString()).isEqualTo("CIVIL_SOCIETY");
        assertThat(found.json().get("countryName").asString()).isEqualTo("Kenya");
        assertThat(found.json().get("regionalGroup").asString()).isEqualTo("AFRICAN");
        assertThat(found.json().get("createdAt").asString()).endsWith("Z");

        var person = accounts.findByEmail(email).orElseThrow();
        assertThat(organizations.represents(person.id(), id)).isTrue();
    }

    @Test
    void regionalGroupsFollowTheCountry() {
        String token = api.registerAndSignIn("Many Hats");
        assertThat(regionalGroupOf(token, "Santiago Lab", "ACADEMIA", "CL")).isEqualTo("LATIN_AMERICAN_AND_CARIBBEAN");
        assertThat(regionalGroupOf(token, "Tallinn Ministry", "MEMBER_STATE", "EE")).isEqualTo("EASTERN_EUROPEAN");
        assertThat(regionalGroupOf(token, "Jakarta Forum", "TECHNICAL_COMMUNITY", "ID")).isEqualTo("ASIA_PACIFIC");
        assertThat(regionalGroupOf(token, "Paris Company", "PRIVATE_SECTOR", "FR")).isEqualTo("WESTERN_EUROPEAN_AND_OTHERS");
        assertThat(regionalGroupOf(token, "Taipei Network", "CIVIL_SOCIETY", "TW")).isEqualTo("NONE");
    }

    @Test
    void unknownTypesAndCountriesAreRefusedByField() {
        String token = api.registerAndSignIn("Typo Maker");
        long before = organizations.count();
        assertProblem(api.post("/api/v1/organizations", Map.of("name", "X", "type", "NGO", "country", "KE"), token), 400,
                "invalid-input", "type");
        assertProblem(api.post("/api/v1/organizations", Map.of("name", "X", "type", "ACADEMIA", "country", "XX"), token),
                400, "invalid-input", "country");
        assertProblem(api.post("/api/v1/organizations", Map.of("name", "X", "type", "ACADEMIA", "country", "KEN"), token),
                400, "invalid-input", "country");
        var missing = api.post("/api/v1/organizations", Map.of("type", "ACADEMIA"), token);
        assertProblem(missing, 400, "invalid-input", "name");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("country");
        assertThat(organizations.count()).isEqualTo(before);
    }

    @Test
    void theSameNameInTheSameCountryIsADuplicate() {
        String token = api.registerAndSignIn("Founder");
        fixtures.organization(token, "Digital Rights Lab", "CIVIL_SOCIETY", "CL");
        assertProblem(api.post("/api/v1/organizations", Map.of("name", "digital rights lab", "type", "ACADEMIA",
                "country", "CL"), token), 409, "duplicate-organization", "name");
        var elsewhere = api.post("/api/v1/organizations", Map.of("name", "Digital Rights Lab", "type", "CIVIL_SOCIETY",
                "country", "AR"), token);
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void onlySignedInPeopleCreateOrganisations() {
        assertProblem(api.post("/api/v1/organizations", Map.of("name", "Ghost", "type", "ACADEMIA", "country", "FR"),
                null), 401, "unauthenticated", null);
    }

    @Test
    void anUnknownOrganisationIsNotFound() {
        assertProblem(api.get("/api/v1/organizations/0000000000000000"), 404, "organization-not-found", null);
    }

    @Test
    void onlyRepresentativesAddMembersAndNewRepresentativesMaySpeakForTheOrganisation() {
        String founder = api.registerAndSignIn("Founder");
        String organization = fixtures.organization(founder, "Andean Responders", "TECHNICAL_COMMUNITY", "PE");
        String colleagueEmail = fixtures.person("Colleague");
        String colleague = api.token(colleagueEmail, TestApi.PASSWORD);
        String path = "/api/v1/organizations/" + organization + "/members";

        assertProblem(api.post(path, Map.of("email", colleagueEmail, "role", "REPRESENTATIVE"), colleague), 403,
                "not-representative", null);
        // the answer does not say whether an address is registered
        assertThat(api.post(path, Map.of("email", "nobody@example.org"), founder).status()).isEqualTo(200);
        assertProblem(api.post(path, Map.of("email", "not an address"), founder), 400, "invalid-input", "email");
        assertProblem(api.post(path, Map.of("email", colleagueEmail, "role", "BOSS"), founder), 400, "invalid-input",
                "role");
        assertProblem(api.post(path, Map.of(), founder), 400, "invalid-input", "email");
        assertProblem(api.post("/api/v1/organizations/0000000000000000/members", Map.of("email", colleagueEmail),
                founder), 404, "organization-not-found", null);
        assertProblem(api.post(path, Map.of("email", colleagueEmail), null), 401, "unauthenticated", null);

        var member = api.post(path, Map.of("email", colleagueEmail), founder);
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.json().get("id").asString()).isEqualTo(organization);
        String colleagueId = accounts.findByEmail(colleagueEmail).orElseThrow().id();
        assertThat(api.get(path).body()).as("invited, not yet a member").doesNotContain(colleagueId);
        var invitations = api.get("/api/v1/organizations/invitations", colleague);
        assertThat(invitations.json().get(0).get("organization").get("id").asString()).isEqualTo(organization);
        assertThat(invitations.json().get(0).get("role").asString()).isEqualTo("MEMBER");
        assertThat(api.post("/api/v1/organizations/" + organization + "/invitation", Map.of(), colleague).status())
                .isEqualTo(200);
        assertThat(api.get(path).body()).contains(colleagueId);
        assertThat(organizations.represents(colleagueId, organization)).isFalse();
        assertProblem(api.post(path, Map.of("email", colleagueEmail), colleague), 403, "not-representative", null);

        assertThat(api.post(path, Map.of("email", colleagueEmail, "role", "REPRESENTATIVE"), founder).status())
                .isEqualTo(200);
        assertThat(organizations.represents(colleagueId, organization)).isTrue();
        assertProblem(api.post(path, Map.of("email", colleagueEmail, "role", "MEMBER"), founder), 409,
                "already-member", "email");
        assertThat(organizations.represents(colleagueId, organization)).as("nobody is demoted by adding").isTrue();
        assertThat(organizations.members(organization)).extracting(Member::displayName)
                .containsExactlyInAnyOrder("Founder", "Colleague");
    }

    private String regionalGroupOf(String token, String name, String type, String country) {
        String id = fixtures.organization(token, name, type, country);
        return api.get("/api/v1/organizations/" + id).json().get("regionalGroup").asString();
    }
}

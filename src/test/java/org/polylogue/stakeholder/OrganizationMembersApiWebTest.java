package org.polylogue.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class OrganizationMembersApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    TestApi api;
    Fixtures fixtures;
    String representative;
    String representativeId;
    String organization;
    String memberEmail;
    String memberId;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        String email = fixtures.person("Lead Representative");
        representative = api.token(email, TestApi.PASSWORD);
        representativeId = accounts.findByEmail(email).orElseThrow().id();
        organization = fixtures.organization(representative, "Members Forum " + UUID.randomUUID(), "CIVIL_SOCIETY", "BR");
        memberEmail = fixtures.person("Plain Member");
        memberId = accounts.findByEmail(memberEmail).orElseThrow().id();
        fixtures.join(representative, organization, memberEmail, "MEMBER");
    }

    private TestApi.Response patch(String accountId, String role, String token) {
        return api.patch("/api/v1/organizations/" + organization + "/members/" + accountId, Map.of("role", role), token);
    }

    private TestApi.Response delete(String accountId, String token) {
        return api.send("DELETE", "/api/v1/organizations/" + organization + "/members/" + accountId, null, token,
                "application/json", Map.of());
    }

    @Test
    void aRepresentativePromotesAndDemotesMembers() {
        var promoted = patch(memberId, "REPRESENTATIVE", representative);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("REPRESENTATIVE");
        assertThat(organizations.represents(memberId, organization)).isTrue();
        // the new representative demotes the first one
        var demoted = patch(representativeId, "MEMBER", api.token(memberEmail, TestApi.PASSWORD));
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        assertThat(organizations.represents(representativeId, organization)).isFalse();
        var members = api.get("/api/v1/organizations/" + organization + "/members").json();
        assertThat(members.toString()).contains("Lead Representative").contains("Plain Member");
    }

    @Test
    void theLastRepresentativeCannotBeDemotedNorRemovedNorLeave() {
        assertProblem(patch(representativeId, "MEMBER", representative), 409, "last-representative", null);
        assertProblem(delete(representativeId, representative), 409, "last-representative", null);
        assertThat(organizations.represents(representativeId, organization)).isTrue();
    }

    @Test
    void aRepresentativeRemovesAMemberAndAPersonLeaves() {
        assertThat(delete(memberId, representative).status()).isEqualTo(204);
        assertThat(organizations.members(organization)).extracting(Member::accountId).doesNotContain(memberId);

        String leaver = fixtures.person("Leaver");
        fixtures.join(representative, organization, leaver, "MEMBER");
        String leaverId = accounts.findByEmail(leaver).orElseThrow().id();
        assertThat(delete(leaverId, api.token(leaver, TestApi.PASSWORD)).status()).isEqualTo(204);
        assertThat(organizations.members(organization)).extracting(Member::accountId).doesNotContain(leaverId);
        assertProblem(delete(leaverId, representative), 404, "member-not-found", null);
    }

    @Test
    void membersAndStrangersCannotManageMembers() {
        String member = api.token(memberEmail, TestApi.PASSWORD);
        String stranger = api.registerAndSignIn("Stranger");
        for (String token : new String[] {member, stranger}) {
            assertProblem(patch(memberId, "REPRESENTATIVE", token), 403, "not-representative", null);
            assertProblem(patch(representativeId, "MEMBER", token), 403, "not-representative", null);
            assertProblem(delete(representativeId, token), 403, "not-representative", null);
        }
        assertThat(delete(memberId, null).status()).isEqualTo(401);
        assertThat(organizations.represents(representativeId, organization)).isTrue();
        assertThat(organizations.represents(memberId, organization)).isFalse();
        assertThat(organizations.members(organization)).hasSize(2);
    }

    @Test
    void badRolesAndUnknownPeopleAreRefused() {
        assertProblem(patch(memberId, "OWNER", representative), 400, "invalid-input", "role");
        assertProblem(patch("nosuchaccount", "MEMBER", representative), 404, "member-not-found", null);
        assertProblem(api.patch("/api/v1/organizations/nosuchorg/members/" + memberId, Map.of("role", "MEMBER"),
                representative), 404, "organization-not-found", null);
    }
}

package org.polylogue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Secretariat and moderators of a process: who appoints whom, and what a moderator may not do. */
@PolylogueTest
@RecordApplicationEvents
class ProcessRolesApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ProcessRoles roles;

    @Autowired
    ProcessPermissions permissions;

    @Autowired
    Processes processes;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String processA;
    String processB;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        processA = fixtures.process(admin);
        processB = fixtures.process(admin);
    }

    @Test
    void anAdministratorAppointsTheSecretariatWhichAppointsModeratorsAndEveryoneSeesThem() {
        String secretaryEmail = fixtures.person("Amina Diallo");
        var appointed = api.post(roles(processA), Map.of("email", secretaryEmail, "role", "SECRETARIAT"), admin);
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.json().get("name").asString()).isEqualTo("Amina Diallo");
        assertThat(appointed.json().get("role").asString()).isEqualTo("SECRETARIAT");

        String secretary = api.token(secretaryEmail, TestApi.PASSWORD);
        String moderatorEmail = fixtures.person("Jonas Berg");
        var moderator = api.post(roles(processA), Map.of("email", moderatorEmail, "role", "MODERATOR"), secretary);
        assertThat(moderator.status()).as(moderator.body()).isEqualTo(201);

        var list = api.get(roles(processA));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("secretariat").findValuesAsString("name")).containsExactly("Administrator", "Amina Diallo");
        assertThat(list.json().get("moderators").findValuesAsString("name")).containsExactly("Jonas Berg");
        assertThat(list.json().get("moderators").get(0).get("appointedAt").asString()).isNotBlank();

        var duplicate = api.post(roles(processA), Map.of("email", moderatorEmail, "role", "MODERATOR"), secretary);
        assertProblem(duplicate, 409, "already-appointed", "email");

        String moderatorId = moderator.json().get("accountId").asString();
        var removed = api.send("DELETE", roles(processA) + "/MODERATOR/" + moderatorId, null, secretary, null, Map.of());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(roles(processA)).json().get("moderators").size()).isZero();
        assertProblem(api.send("DELETE", roles(processA) + "/MODERATOR/" + moderatorId, null, secretary, null, Map.of()),
                404, "role-holder-not-found", null);
    }

    @Test
    void aModeratorModeratesOnlyTheirOwnProcessAndAppointsNobody() {
        String moderatorEmail = fixtures.person("Jonas Berg");
        api.post(roles(processA), Map.of("email", moderatorEmail, "role", "MODERATOR"), admin);
        String moderator = api.token(moderatorEmail, TestApi.PASSWORD);
        String other = fixtures.person("Li Wei");
        var before = List.of(api.get(roles(processA)).body(), api.get(roles(processB)).body());

        assertProblem(api.post(roles(processA), Map.of("email", other, "role", "MODERATOR"), moderator), 403,
                "not-secretariat", null);
        assertProblem(api.post(roles(processB), Map.of("email", other, "role", "MODERATOR"), moderator), 403,
                "not-secretariat", null);
        assertProblem(api.post(roles(processA), Map.of("email", other, "role", "SECRETARIAT"), moderator), 403,
                "not-administrator", null);
        String adminId = api.get(roles(processB)).json().get("secretariat").get(0).get("accountId").asString();
        assertProblem(api.send("DELETE", roles(processB) + "/SECRETARIAT/" + adminId, null, moderator, null, Map.of()),
                403, "not-administrator", null);
        String moderatorId = api.get(roles(processA)).json().get("moderators").get(0).get("accountId").asString();
        assertProblem(api.send("DELETE", roles(processA) + "/MODERATOR/" + moderatorId, null, moderator, null, Map.of()),
                403, "not-secretariat", null);
        // The moderator of A may not act on B's consultations either.
        assertProblem(api.post("/api/v1/processes/" + processB + "/consultations", Map.of("slug", "sneaky", "title", "T",
                "opensAt", "2026-12-01T00:00:00Z", "closesAt", "2026-12-31T00:00:00Z",
                "document", Map.of("format", "markdown", "text", "Text.")), moderator), 403, "not-secretariat", null);

        assertThat(List.of(api.get(roles(processA)).body(), api.get(roles(processB)).body())).isEqualTo(before);

        var actor = new Actor(moderatorId, "Jonas Berg", false);
        String a = processes.find(processA).orElseThrow().id();
        String b = processes.find(processB).orElseThrow().id();
        assertThat(permissions.canModerate(actor, a)).isTrue();
        assertThat(permissions.canModerate(actor, b)).isFalse();
        assertThat(permissions.canRun(actor, a)).isFalse();
        assertThat(permissions.canManageRoles(actor, a)).isFalse();
        assertThat(permissions.canModerate(null, a)).isFalse();
    }

    @Test
    void thePublicAndStrangersAppointNobody() {
        String other = fixtures.person("Li Wei");
        assertProblem(api.post(roles(processA), Map.of("email", other, "role", "MODERATOR"), null), 401,
                "unauthenticated", null);
        String stranger = api.registerAndSignIn("Stranger");
        assertProblem(api.post(roles(processA), Map.of("email", other, "role", "MODERATOR"), stranger), 403,
                "not-secretariat", null);
        assertProblem(api.post(roles(processA), Map.of("email", other, "role", "SECRETARIAT"), stranger), 403,
                "not-administrator", null);
        assertThat(api.get(roles(processA)).json().get("moderators").size()).isZero();
        assertThat(api.get(roles(processA)).json().get("secretariat").size()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndTheLastSecretariatMemberStays() {
        assertProblem(api.post(roles(processA), Map.of("email", "nobody@example.org", "role", "MODERATOR"), admin), 400,
                "invalid-input", "email");
        assertProblem(api.post(roles(processA), Map.of("email", fixtures.person("X"), "role", "CHAIR"), admin), 400,
                "invalid-input", "role");
        assertProblem(api.post(roles(processA), Map.of("email", "not an email", "role", "MODERATOR"), admin), 400,
                "invalid-input", "email");
        assertProblem(api.post(roles("no-such-process"), Map.of("email", fixtures.person("Y"), "role", "MODERATOR"),
                admin), 404, "process-not-found", null);
        assertProblem(api.get(roles("no-such-process")), 404, "process-not-found", null);

        JsonNode secretariat = api.get(roles(processA)).json().get("secretariat");
        assertThat(secretariat.size()).isEqualTo(1);
        String only = secretariat.get(0).get("accountId").asString();
        assertProblem(api.send("DELETE", roles(processA) + "/SECRETARIAT/" + only, null, admin, null, Map.of()), 409,
                "last-secretariat", null);
        assertThat(api.get(roles(processA)).json().get("secretariat").size()).isEqualTo(1);

        api.post(roles(processA), Map.of("email", fixtures.person("Successor"), "role", "SECRETARIAT"), admin);
        assertThat(api.send("DELETE", roles(processA) + "/SECRETARIAT/" + only, null, admin, null, Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get(roles(processA)).json().get("secretariat").findValuesAsString("name"))
                .containsExactly("Successor");
    }

    @Test
    void grantingAndRevokingARoleAreSecurityEvents(ApplicationEvents events) {
        String email = fixtures.person("Jonas Berg");
        var adminAccount = accounts.findByEmail("admin@example.org").orElseThrow();
        var actor = new Actor(adminAccount.id(), "Administrator", true);
        var holder = roles.appoint(processA, new AppointRole(email, "MODERATOR"), actor).orThrow();
        roles.remove(processA, "MODERATOR", holder.accountId(), actor).orThrow();
        String processId = processes.find(processA).orElseThrow().id();
        assertThat(events.stream(SecurityEvent.class)).extracting(SecurityEvent::kind, SecurityEvent::actorAccountId,
                SecurityEvent::subject, SecurityEvent::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SecurityEvent.Kind.ROLE_GRANTED, adminAccount.id(),
                                "process:" + processId, "role=MODERATOR account=" + holder.accountId()),
                        org.assertj.core.groups.Tuple.tuple(SecurityEvent.Kind.ROLE_REVOKED, adminAccount.id(),
                                "process:" + processId, "role=MODERATOR account=" + holder.accountId()));
    }

    private static String roles(String process) {
        return "/api/v1/processes/" + process + "/roles";
    }
}

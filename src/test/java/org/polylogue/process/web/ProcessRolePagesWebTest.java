package org.polylogue.process.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
class ProcessRolePagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
    }

    @Test
    void rolesArePublicAndTheProcessPageLinksToThem() {
        String moderator = fixtures.person("Jonas Berg");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", moderator, "role", "MODERATOR"), admin);
        var visitor = new TestBrowser(port);
        assertThat(visitor.get("/processes/" + process).body())
                .contains("href=\"/processes/" + process + "/roles\"")
                .contains("href=\"/processes/" + process + "/accreditation\"");
        var page = visitor.get("/processes/" + process + "/roles");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h2 id=\"secretariat\">Secretariat</h2>").contains("Administrator")
                .contains("Jonas Berg").doesNotContain("<form method=\"post\" action=\"/processes/" + process + "/roles")
                .doesNotContain("Remove");
        assertThat(visitor.get("/processes/nope/roles").status()).isEqualTo(404);
    }

    @Test
    void theSecretariatAppointsAndRemovesModeratorsFromThePage() {
        String secretary = fixtures.person("Amina Diallo");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretary, "role", "SECRETARIAT"), admin);
        String moderator = fixtures.person("Jonas Berg");
        var browser = new TestBrowser(port);
        browser.signIn(secretary, TestApi.PASSWORD);
        var page = browser.get("/processes/" + process + "/roles");
        assertThat(page.body()).contains("Appoint someone").contains("<option value=\"MODERATOR\"")
                .doesNotContain("<option value=\"SECRETARIAT\"");

        var unknown = browser.post("/processes/" + process + "/roles", Map.of("email", "nobody@example.org", "role",
                "MODERATOR"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"role-email-error\"").contains("value=\"nobody@example.org\"")
                .contains("aria-describedby=\"role-email-error\"").contains("<title>Error: ");

        var appointed = browser.post("/processes/" + process + "/roles", Map.of("email", moderator, "role", "MODERATOR"));
        assertThat(appointed.redirectsTo("/processes/" + process + "/roles")).isTrue();
        var after = browser.get("/processes/" + process + "/roles");
        assertThat(after.body()).contains("Jonas Berg was appointed (moderator).").contains("Remove");

        String moderatorId = accounts.findByEmail(moderator).orElseThrow().id();
        var removed = browser.post("/processes/" + process + "/roles/MODERATOR/" + moderatorId + "/remove", Map.of());
        assertThat(removed.redirectsTo("/processes/" + process + "/roles")).isTrue();
        assertThat(api.get("/api/v1/processes/" + process + "/roles").json().get("moderators").size()).isZero();
    }

    @Test
    void othersCannotAppointNorRemoveAndAForgedFormIsRefused() {
        String moderatorEmail = fixtures.person("Jonas Berg");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", moderatorEmail, "role", "MODERATOR"), admin);
        String target = fixtures.person("Li Wei");
        var moderator = new TestBrowser(port);
        moderator.signIn(moderatorEmail, TestApi.PASSWORD);
        assertThat(moderator.get("/processes/" + process + "/roles").body()).doesNotContain("Appoint someone");
        assertThat(moderator.post("/processes/" + process + "/roles", Map.of("email", target, "role", "MODERATOR"))
                .status()).isEqualTo(403);
        String adminId = accounts.findByEmail("admin@example.org").orElseThrow().id();
        assertThat(moderator.post("/processes/" + process + "/roles/SECRETARIAT/" + adminId + "/remove", Map.of())
                .status()).isEqualTo(403);

        var admins = new TestBrowser(port);
        admins.signIn("admin@example.org", "administrator password");
        admins.get("/processes/" + process + "/roles");
        assertThat(admins.postWithoutCsrf("/processes/" + process + "/roles", Map.of("email", target, "role",
                "MODERATOR")).status()).isEqualTo(403);
        // the last member of the secretariat stays, with a message
        var last = admins.post("/processes/" + process + "/roles/SECRETARIAT/" + adminId + "/remove", Map.of());
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.body()).contains("keeps at least one member of its secretariat");
        var roles = api.get("/api/v1/processes/" + process + "/roles").json();
        assertThat(roles.get("moderators").findValuesAsString("name")).containsExactly("Jonas Berg");
        assertThat(roles.get("secretariat").findValuesAsString("name")).containsExactly("Administrator");
    }
}

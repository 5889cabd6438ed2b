package org.polylogue.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;

@PolylogueTest
class AuditWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
    }

    @Test
    void signInsFailuresAndConfirmationsAreRecordedWithoutAddressesOrStrangersEmails() {
        String email = fixtures.person("Audited Person");
        String id = accounts.findByEmail(email).orElseThrow().id();
        var browser = new TestBrowser(port);
        browser.get("/sign-in");
        browser.post("/sign-in", Map.of("email", email, "password", "guessed secret 12345"));
        browser.get("/sign-in");
        browser.post("/sign-in", Map.of("email", "stranger@elsewhere.example", "password", "guessed secret 12345"));
        browser.signIn(email, TestApi.PASSWORD);

        var events = api.get("/api/v1/admin/audit-events?account=" + id, admin);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().get("items").findValuesAsString("kind"))
                .contains("SIGN_IN", "SIGN_IN_FAILED", "EMAIL_VERIFIED");
        var signIn = events.json().get("items").get(0);
        assertThat(signIn.get("kind").asString()).isEqualTo("SIGN_IN");
        assertThat(signIn.get("actorName").asString()).isEqualTo("Audited Person");
        assertThat(signIn.get("detail").asString()).isEqualTo("password");

        var failures = api.get("/api/v1/admin/audit-events?kind=sign-in-failed", admin);
        assertThat(failures.json().get("total").asInt()).isEqualTo(2);
        String all = jdbc.sql("select string_agg(coalesce(subject, '') || ' ' || detail, ' ') from audit_event")
                .query(String.class).single();
        assertThat(all).doesNotContain("stranger@elsewhere.example").doesNotContain("127.0.0.1")
                .doesNotContain("guessed secret");

        var page = new TestBrowser(port);
        page.signIn("admin@example.org", "administrator password");
        var html = page.get("/admin/audit?kind=SIGN_IN_FAILED");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("sign in failed").contains("unknown account");
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        String email = fixtures.person("Curious Member");
        String token = api.token(email, TestApi.PASSWORD);
        TestApi.assertProblem(api.get("/api/v1/admin/audit-events", token), 403, "not-administrator", null);
        TestApi.assertProblem(api.get("/api/v1/admin/audit-events", null), 401, "unauthenticated", null);
        var browser = new TestBrowser(port);
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
        assertThat(new TestBrowser(port).get("/admin/audit").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void anUnknownKindIsAClearErrorAndOldEventsAreForgotten() {
        TestApi.assertProblem(api.get("/api/v1/admin/audit-events?kind=coffee", admin), 400, "invalid-input", "kind");
        fixtures.person("Someone");
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(before).isPositive();
        jdbc.sql("update audit_event set at = :old").param("old",
                java.sql.Timestamp.from(Instant.now().minus(auditLog.retention()).minusSeconds(60))).update();
        fixtures.person("Someone Newer");
        assertThat(auditLog.forgetExpired()).isEqualTo((int) before);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isPositive();
    }
}

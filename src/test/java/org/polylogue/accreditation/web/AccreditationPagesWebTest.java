package org.polylogue.accreditation.web;

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
import org.polylogue.accreditation.TrustFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The accreditation log page without JavaScript: every form, its refusals, and the public reading. */
@PolylogueTest
class AccreditationPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Fixtures fixtures;
    TrustFixtures trust;
    String admin;
    String process;
    String ngoEmail;
    String ngo;
    String stateEmail;
    String state;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        trust = new TrustFixtures(jdbc);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        ngoEmail = fixtures.person("Awa Ndiaye");
        ngo = fixtures.organization(api.token(ngoEmail, TestApi.PASSWORD), "Sahel Rights " + suffix(), "CIVIL_SOCIETY", "SN");
        trust.ecosoc(ngo, "ROSTER");
        stateEmail = fixtures.person("Delegate of Indonesia");
        state = fixtures.organization(api.token(stateEmail, TestApi.PASSWORD), "Ministry of Indonesia " + suffix(),
                "MEMBER_STATE", "ID");
        trust.verify(state);
    }

    @Test
    void aRepresentativeRequestsAStateObjectsWithoutReasonAndTheSecretariatDecides() {
        var visitor = new TestBrowser(port);
        var empty = visitor.get(path());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Taking part on Polylogue never depends on accreditation")
                .contains("No requests.").contains("Sign in</a> to request accreditation").doesNotContain("<textarea");

        var representative = new TestBrowser(port);
        representative.signIn(ngoEmail, TestApi.PASSWORD);
        assertThat(representative.get(path()).body()).contains("Request accreditation")
                .contains("<option value=\"" + ngo + "\"");
        var tooLong = representative.post(path() + "/requests", Map.of("organizationId", ngo, "statement",
                "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(fieldError(tooLong.body(), "request-statement")).contains("at most 2,000 characters");
        assertThat(tooLong.body()).contains("x".repeat(2001) + "</textarea>");
        var requested = representative.post(path() + "/requests", Map.of("organizationId", ngo, "statement",
                "We <script>alert(1)</script> document shutdowns."));
        assertThat(requested.redirectsTo(path() + "#request-")).as(requested.toString()).isTrue();
        var again = representative.post(path() + "/requests", Map.of("organizationId", ngo, "statement", ""));
        assertThat(again.status()).isEqualTo(422);
        assertThat(fieldError(again.body(), "request-organization")).contains("already has a request");
        String request = api.get("/api/v1/processes/" + process + "/accreditation").json().get("items").get(0).get("id")
                .asString();

        var delegate = new TestBrowser(port);
        delegate.signIn(stateEmail, TestApi.PASSWORD);
        assertThat(delegate.get(path()).body()).contains("Object to this request");
        var objected = delegate.post(path() + "/requests/" + request + "/objections", Map.of("organizationId", state,
                "reason", ""));
        assertThat(objected.redirectsTo(path() + "#request-" + request)).isTrue();
        assertThat(delegate.get(path()).body()).contains("Withdraw this objection");

        var secretariat = new TestBrowser(port);
        secretariat.signIn("admin@example.org", "administrator password");
        assertThat(secretariat.get(path()).body()).contains("Decide on this request");
        var noReason = secretariat.post(path() + "/requests/" + request + "/decision", Map.of("decision", "NOT_ACCREDITED",
                "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(fieldError(noReason.body(), "decide-" + request + "-reason")).contains("is required");
        assertThat(noReason.body()).contains("value=\"NOT_ACCREDITED\" checked");
        var decided = secretariat.post(path() + "/requests/" + request + "/decision", Map.of("decision", "ACCREDITED",
                "reason", ""));
        assertThat(decided.redirectsTo(path() + "#request-" + request)).isTrue();

        var log = new TestBrowser(port).get(path()).body();
        assertThat(log).contains("Accredited: 1").contains("Objected to: 0").contains("Requested: 0")
                .contains("Not accredited: 0").contains("Roster status").contains("Civil society").contains("Senegal")
                .contains("We &lt;script&gt;alert(1)&lt;/script&gt; document shutdowns.").doesNotContain("<script>alert")
                .contains("objected</strong>").contains("No reason given.")
                .contains("The secretariat decided: accredited").contains("Awa Ndiaye").contains("Delegate of Indonesia")
                .contains("aria-label=\"verified organisation\"");
        assertThat(new TestBrowser(port).get(path() + "?state=ACCREDITED").body()).contains("Sahel Rights")
                .contains("aria-current=\"page\">Accredited: 1");
        assertThat(new TestBrowser(port).get(path() + "?state=REQUESTED").body()).doesNotContain("Sahel Rights")
                .contains("No requests in this state.");
        assertThat(new TestBrowser(port).get(path() + "?state=BOGUS").status()).isEqualTo(400);
        assertThat(new TestBrowser(port).get("/processes/nope/accreditation").status()).isEqualTo(404);
    }

    @Test
    void refusalsOnThePageChangeNothing() {
        String request = api.post("/api/v1/processes/" + process + "/accreditation/requests", Map.of("organizationId",
                ngo), api.token(ngoEmail, TestApi.PASSWORD)).json().get("id").asString();
        long steps = trust.steps();

        var stranger = new TestBrowser(port);
        stranger.signIn(fixtures.person("Stranger"), TestApi.PASSWORD);
        var page = stranger.get(path()).body();
        assertThat(page).doesNotContain("Object to this request").doesNotContain("Decide on this request")
                .doesNotContain("Request accreditation</button>");
        assertThat(stranger.post(path() + "/requests", Map.of("organizationId", ngo)).status()).isEqualTo(403);
        assertThat(stranger.post(path() + "/requests/" + request + "/objections", Map.of("organizationId", state))
                .status()).isEqualTo(403);
        assertThat(stranger.post(path() + "/requests/" + request + "/decision", Map.of("decision", "NOT_ACCREDITED",
                "reason", "No.")).status()).isEqualTo(403);

        var representative = new TestBrowser(port);
        representative.signIn(ngoEmail, TestApi.PASSWORD);
        representative.get(path());
        assertThat(representative.postWithoutCsrf(path() + "/requests/" + request + "/decision",
                Map.of("decision", "ACCREDITED")).status()).isEqualTo(403);
        assertThat(new TestBrowser(port).postWithoutCsrf(path() + "/requests", Map.of("organizationId", ngo)).status())
                .isIn(302, 403);
        assertThat(trust.steps()).isEqualTo(steps);
    }

    private String path() {
        return "/processes/" + process + "/accreditation";
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    static String fieldError(String html, String field) {
        var matcher = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("a message at field " + field).isTrue();
        return matcher.group(1);
    }
}

package org.polylogue.process.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
class ProcessPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    String admin;
    OffsetDateTime now;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        now = OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Test
    void theFrontPageListsOpenAndUpcomingConsultationsAndAllProcesses() {
        String process = fixtures.process(admin);
        var open = fixtures.consultation(admin, process, now.minusDays(1), now.plusDays(5), Fixtures.DRAFT);
        var upcoming = fixtures.consultation(admin, process, now.plusDays(3), now.plusDays(9), Fixtures.DRAFT);
        var closed = fixtures.consultation(admin, process, now.minusDays(9), now.minusDays(3), Fixtures.DRAFT);

        var home = new TestBrowser(port).get("/");
        assertThat(home.status()).isEqualTo(200);
        String html = home.body();
        assertThat(html).contains("Open and upcoming consultations")
                .contains("href=\"/consultations/" + open.get("slug").asString() + "\"")
                .contains("href=\"/consultations/" + upcoming.get("slug").asString() + "\"")
                .doesNotContain("href=\"/consultations/" + closed.get("slug").asString() + "\"")
                .contains("Open for comments").contains("Upcoming")
                .contains("<a href=\"/processes/" + process + "\">Working group</a>")
                .doesNotContain("Create a process");
        assertThat(html.indexOf(open.get("slug").asString())).as("soonest closing first")
                .isLessThan(html.indexOf(upcoming.get("slug").asString()));
    }

    @Test
    void theProcessPageListsAllItsConsultationsWithTheirStatus() {
        String process = fixtures.process(admin);
        var open = fixtures.consultation(admin, process, now.minusDays(1), now.plusDays(5), Fixtures.DRAFT);
        var closed = fixtures.consultation(admin, process, now.minusDays(9), now.minusDays(3), Fixtures.DRAFT);
        var page = new TestBrowser(port).get("/processes/" + process);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Working group</h1>").contains("A test process")
                .contains("href=\"/consultations/" + open.get("slug").asString() + "\"")
                .contains("href=\"/consultations/" + closed.get("slug").asString() + "\"")
                .contains("status-closed\">Closed").contains("status-open\">Open for comments")
                .doesNotContain("Open a consultation</a>");
        assertThat(new TestBrowser(port).get("/consultations/" + closed.get("slug").asString()).body())
                .contains("Closed on").contains("Comments are no longer accepted");
    }

    @Test
    void anAdministratorCreatesAProcessThroughTheForm() {
        var browser = administrator();
        assertThat(browser.get("/").body()).contains("Create a process");
        browser.get("/processes/new");
        var refused = browser.post("/processes", Map.of("title", "Typed title", "slug", "Bad Slug", "summary", "S"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Typed title\"").contains("value=\"Bad Slug\"");
        assertThat(fieldError(refused.body(), "slug")).contains("lower-case letters");

        var created = browser.post("/processes", Map.of("title", "Regional consultation", "slug", "regional-2027",
                "summary", "Summary."));
        assertThat(created.redirectsTo("/processes/regional-2027")).as(created.toString()).isTrue();
        var page = browser.get("/processes/regional-2027");
        assertThat(page.body()).contains("<h1>Regional consultation</h1>").contains("Open a consultation</a>");

        var duplicate = browser.post("/processes", Map.of("title", "Again", "slug", "regional-2027", "summary", ""));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(fieldError(duplicate.body(), "slug")).contains("already exists");

        var reserved = browser.post("/processes", Map.of("title", "Everything", "slug", "all", "summary", "Kept."));
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(fieldError(reserved.body(), "slug")).contains("reserved");
        assertThat(reserved.body()).contains("value=\"Everything\"").contains("value=\"all\"").contains(">Kept.</textarea>")
                .contains("aria-describedby=\"slug-hint slug-error\"");
        assertThat(api.get("/api/v1/processes/all").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsSeeTheProcessForm() {
        String email = fixtures.person("Curious Person");
        var browser = new TestBrowser(port);
        assertThat(browser.get("/processes/new").redirectsTo("/sign-in")).isTrue();
        browser.signIn(email, TestApi.PASSWORD);
        assertThat(browser.get("/processes/new").status()).isEqualTo(403);
        var forbidden = browser.post("/processes", Map.of("title", "Mine", "slug", "mine", "summary", ""));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/processes/mine").status()).isEqualTo(404);
        String process = fixtures.process(admin);
        assertThat(browser.get("/processes/" + process + "/consultations/new").status()).isEqualTo(403);
    }

    @Test
    void theSecretariatOpensAConsultationThroughTheFormAndMalformedDraftsAreExplained() {
        String process = fixtures.process(admin);
        var browser = administrator();
        browser.get("/processes/" + process + "/consultations/new");
        String broken = "# Draft\n\nFine.\n\n<div>pasted</div>\n";
        var refused = browser.post("/processes/" + process + "/consultations", Map.of("title", "Zero draft", "slug",
                "zero-draft-form", "opensAt", "2026-01-01T09:00", "closesAt", "2099-01-01T09:00", "text", broken));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fieldError(refused.body(), "text")).contains("Line 5").contains("raw HTML");
        assertThat(refused.body()).contains("&lt;div&gt;pasted&lt;/div&gt;\n</textarea>").contains("value=\"Zero draft\"");

        var badDate = browser.post("/processes/" + process + "/consultations", Map.of("title", "Zero draft", "slug",
                "zero-draft-form", "opensAt", "next monday", "closesAt", "2099-01-01T09:00", "text", Fixtures.DRAFT));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(fieldError(badDate.body(), "opensAt")).contains("is not a date and time");

        var opened = browser.post("/processes/" + process + "/consultations", Map.of("title", "Zero draft", "slug",
                "zero-draft-form", "opensAt", "2026-01-01T09:00", "closesAt", "2099-01-01T09:00", "text", Fixtures.DRAFT));
        assertThat(opened.redirectsTo("/consultations/zero-draft-form")).as(opened.toString()).isTrue();
        var consultation = api.get("/api/v1/consultations/zero-draft-form").json();
        assertThat(consultation.get("opensAt").asString()).isEqualTo("2026-01-01T09:00:00Z");
        assertThat(consultation.get("document").get("paragraphs")).hasSize(5);
    }

    @Test
    void theSecretariatClosesTheWindowFromTheConsultationPage() {
        String process = fixtures.process(admin);
        String slug = fixtures.openConsultation(admin, process).get("slug").asString();
        var browser = administrator();
        assertThat(browser.get("/consultations/" + slug).body()).contains("Secretariat: change the window");
        String opensAt = now.minusDays(2).toLocalDateTime().withNano(0).toString();
        String closesAt = now.minusMinutes(5).toLocalDateTime().withNano(0).toString();
        var changed = browser.post("/consultations/" + slug + "/window", Map.of("opensAt", opensAt, "closesAt", closesAt));
        assertThat(changed.redirectsTo("/consultations/" + slug)).as(changed.toString()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug).json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(browser.get("/consultations/" + slug).body()).contains("The window was changed.");

        var inverted = browser.post("/consultations/" + slug + "/window",
                Map.of("opensAt", "2026-12-10T09:00", "closesAt", "2026-12-01T09:00"));
        assertThat(inverted.redirectsTo("/consultations/" + slug)).as(inverted.toString()).isTrue();
        var back = browser.get("/consultations/" + slug).body();
        assertThat(back).contains("The window was not changed").contains("must be after opensAt")
                .contains("value=\"2026-12-10T09:00\"").contains("value=\"2026-12-01T09:00\"");
        var unreadable = browser.post("/consultations/" + slug + "/window", Map.of("opensAt", "soon", "closesAt", ""));
        assertThat(unreadable.status()).isEqualTo(302);
        assertThat(browser.get("/consultations/" + slug).body()).contains("is not a date and time")
                .contains("value=\"soon\"");
        assertThat(api.get("/api/v1/consultations/" + slug).json().get("status").asString()).isEqualTo("CLOSED");

        var outsider = new TestBrowser(port);
        outsider.signIn(fixtures.person("Outsider"), TestApi.PASSWORD);
        assertThat(outsider.get("/consultations/" + slug).body()).doesNotContain("Secretariat: change the window");
        assertThat(outsider.post("/consultations/" + slug + "/window", Map.of("closesAt", "2099-01-01T00:00")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/consultations/" + slug).json().get("status").asString()).isEqualTo("CLOSED");
    }

    private TestBrowser administrator() {
        var browser = new TestBrowser(port);
        browser.signIn("admin@example.org", "administrator password");
        return browser;
    }

    static String fieldError(String html, String field) {
        var matcher = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("a message at field " + field).isTrue();
        return matcher.group(1);
    }
}

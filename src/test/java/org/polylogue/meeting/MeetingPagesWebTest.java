package org.polylogue.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Meeting pages without JavaScript: scheduling with errors next to the fields, registering, the speakers list, XSS. */
@PolylogueTest
class MeetingPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Fixtures fixtures;
    MeetingFixtures meetings;
    String admin;
    String process;
    String secretariatEmail;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        meetings = new MeetingFixtures(api);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        secretariatEmail = fixtures.person("Page Secretariat");
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
    }

    @Test
    void theSecretariatSchedulesThroughTheFormAndErrorsComeBackNextToTheFields() {
        var secretariat = new TestBrowser(port);
        secretariat.signIn(secretariatEmail, TestApi.PASSWORD);
        assertThat(secretariat.get("/processes/" + process).body()).contains("/processes/" + process + "/meetings/new");
        var form = secretariat.get("/processes/" + process + "/meetings/new");
        assertThat(form.status()).isEqualTo(200);

        Map<String, String> fields = new HashMap<>(Map.of("slug", "page-meeting", "title", "Typed title", "kind",
                "PANEL", "timeZone", "Asia/Jakarta", "startsAt", "2031-05-06T14:00", "endsAt", "2031-05-06T13:00",
                "capacity", "zero", "agenda", "Typed agenda"));
        var refused = secretariat.post("/processes/" + process + "/meetings", fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"meeting-capacity-error\"").contains("Typed title")
                .contains("Typed agenda").contains("aria-invalid=\"true\"");
        fields.put("capacity", "40");
        var stillRefused = secretariat.post("/processes/" + process + "/meetings", fields);
        assertThat(stillRefused.status()).isEqualTo(422);
        assertThat(stillRefused.body()).contains("id=\"meeting-ends-error\"");
        assertThat(jdbc.queryForObject("select count(*) from meeting where slug = 'page-meeting'", Long.class)).isZero();

        fields.put("endsAt", "2031-05-06T16:30");
        var created = secretariat.post("/processes/" + process + "/meetings", fields);
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/meetings/page-meeting");
        var json = api.get("/api/v1/meetings/page-meeting").json();
        assertThat(json.get("startsAt").asString()).isEqualTo(LocalDateTime.parse("2031-05-06T14:00")
                .atZone(ZoneId.of("Asia/Jakarta")).toInstant().toString());

        var page = new TestBrowser(port).get("/meetings/page-meeting");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Typed title").contains("Tue 6 May 2031, 14:00–16:30 (Asia/Jakarta)")
                .contains("Tue 6 May 2031, 07:00–09:30 UTC").contains("/meetings/page-meeting.ics")
                .contains("Speakers list");
        assertThat(new TestBrowser(port).get("/meetings?process=" + process).body()).contains("Typed title");

        var edit = secretariat.get("/meetings/page-meeting/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"2031-05-06T14:00\"");
    }

    @Test
    void peopleWithoutTheRoleAreRefusedAndNothingIsStored() {
        String slug = meetings.meeting(admin, process, 24, null).get("slug").asString();
        var person = new TestBrowser(port);
        person.signIn(fixtures.person("Page Person"), TestApi.PASSWORD);
        assertThat(person.get("/processes/" + process + "/meetings/new").status()).isEqualTo(403);
        assertThat(person.get("/meetings/new").status()).isEqualTo(403);
        assertThat(person.get("/meetings/" + slug + "/edit").status()).isEqualTo(403);
        person.get("/meetings/" + slug);
        assertThat(person.post("/meetings/" + slug + "/edit", Map.of("title", "Hijacked")).status()).isEqualTo(403);
        assertThat(person.post("/meetings/" + slug + "/cancel", Map.of()).status()).isEqualTo(403);
        assertThat(person.post("/meetings/" + slug + "/documents", Map.of("title", "x", "url", "https://x.example"))
                .status()).isEqualTo(403);
        assertThat(person.post("/processes/" + process + "/meetings", Map.of("slug", "forged")).status())
                .isEqualTo(403);
        assertThat(person.postWithoutCsrf("/meetings/" + slug + "/registrations", Map.of()).status()).isEqualTo(403);
        var json = api.get("/api/v1/meetings/" + slug).json();
        assertThat(json.get("title").asString()).doesNotContain("Hijacked");
        assertThat(json.get("cancelledAt").isNull()).isTrue();
        assertThat(json.get("registered").asInt()).isZero();
        assertThat(json.get("documents")).isEmpty();
    }

    @Test
    void aPersonRegistersAndAsksForTheFloorThroughThePages() {
        String slug = meetings.meeting(admin, process, 24, 1).get("slug").asString();
        String email = fixtures.person("Page Registrant");
        var person = new TestBrowser(port);
        person.signIn(email, TestApi.PASSWORD);
        assertThat(person.get("/meetings/" + slug).body()).contains("Register");
        var registered = person.post("/meetings/" + slug + "/registrations", Map.of("organizationId", ""));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(person.open("/meetings/" + slug).body()).contains("You are registered").contains("Page Registrant");
        var twice = person.post("/meetings/" + slug + "/registrations", Map.of("organizationId", ""));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already registered");

        var second = new TestBrowser(port);
        second.signIn(fixtures.person("Page Waiting"), TestApi.PASSWORD);
        second.get("/meetings/" + slug);
        second.post("/meetings/" + slug + "/registrations", Map.of("hideName", "true"));
        assertThat(second.open("/meetings/" + slug).body()).contains("number 1 on the waiting list");

        person.get("/meetings/" + slug + "/speakers");
        assertThat(person.post("/meetings/" + slug + "/speakers", Map.of("organizationId", "")).status())
                .isEqualTo(302);
        assertThat(person.open("/meetings/" + slug + "/speakers").body()).contains("Page Registrant")
                .contains("Withdraw my request");
        assertThat(second.get("/meetings/" + slug + "/speakers").body()).contains("Only registered participants");

        var chair = new TestBrowser(port);
        chair.signIn(secretariatEmail, TestApi.PASSWORD);
        var list = chair.get("/meetings/" + slug + "/speakers").body();
        var id = java.util.regex.Pattern.compile("/speakers/([A-Za-z0-9_-]+)/spoke").matcher(list);
        assertThat(id.find()).isTrue();
        assertThat(chair.post("/meetings/" + slug + "/speakers/" + id.group(1) + "/spoke", Map.of()).status())
                .isEqualTo(302);
        assertThat(chair.open("/meetings/" + slug + "/speakers").body()).contains("Nobody is waiting");

        person.get("/meetings/" + slug);
        assertThat(person.post("/meetings/" + slug + "/registrations/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(second.open("/meetings/" + slug).body()).contains("You are registered");
    }

    @Test
    void hostileTitlesAgendasPlacesAndDocumentsStayInert() throws Exception {
        List<String> payloads = XssCorpusWebTest.corpus();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            var body = new HashMap<String, Object>(Map.of("slug", "hostile-" + i, "title", payload, "kind", "PANEL",
                    "startsAt", "2031-01-01T10:00:00Z", "endsAt", "2031-01-01T11:00:00Z", "timeZone", "UTC",
                    "place", payload, "agenda", payload, "processSlug", process));
            var created = api.post("/api/v1/meetings", body, admin);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.post("/api/v1/meetings/hostile-" + i + "/documents", Map.of("title", payload, "url",
                    "https://example.org/" + i), admin).status()).isEqualTo(201);
            slugs.add("hostile-" + i);
        }
        var visitor = new TestBrowser(port);
        var chair = new TestBrowser(port);
        chair.signIn("admin@example.org", "administrator password");
        Set<String> shown = new TreeSet<>();
        check(visitor, "/meetings?process=" + process, shown);
        for (String slug : slugs) {
            check(visitor, "/meetings/" + slug, shown);
            check(visitor, "/meetings/" + slug + "/speakers", shown);
        }
        check(chair, "/meetings/" + slugs.get(0), shown);
        check(chair, "/meetings/" + slugs.get(1) + "/edit", shown);
        Set<String> expected = new TreeSet<>();
        var marker = java.util.regex.Pattern.compile("xss-(\\d\\d)");
        payloads.forEach(p -> {
            var m = marker.matcher(p);
            while (m.find()) {
                expected.add(m.group(1));
            }
        });
        assertThat(shown).as("every payload shown as text somewhere").containsAll(expected);
    }

    private static void check(TestBrowser browser, String path, Set<String> shown) {
        var page = browser.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        XssCorpusWebTest.assertInert(path, page.body(), shown);
    }
}

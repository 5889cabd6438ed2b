package org.polylogue.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scheduling, changing and cancelling meetings through the API, and every refusal leaving things as they were. */
@PolylogueTest
class MeetingApiWebTest {

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
    String secretariat;
    String person;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        meetings = new MeetingFixtures(api);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        String secretariatEmail = fixtures.person("Meeting Secretariat");
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin).status()).isEqualTo(201);
        secretariat = api.token(secretariatEmail, TestApi.PASSWORD);
        person = api.token(fixtures.person("Meeting Person"), TestApi.PASSWORD);
    }

    @Test
    void theSecretariatSchedulesAMeetingThatEveryoneCanRead() {
        var created = meetings.meeting(secretariat, process, 48, 30);
        String slug = created.get("slug").asString();
        assertThat(created.get("processSlug").asString()).isEqualTo(process);
        assertThat(created.get("kind").asString()).isEqualTo("INFORMAL_CONSULTATION");
        assertThat(created.get("timeZone").asString()).isEqualTo("Europe/Zurich");
        assertThat(created.get("placesLeft").asInt()).isEqualTo(30);
        assertThat(created.get("calendarUrl").asString()).endsWith("/meetings/" + slug + ".ics").startsWith("http");

        var read = api.get("/api/v1/meetings/" + slug);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo("Informal consultation on capacity-building");
        assertThat(read.json().get("startsAt").asString()).isEqualTo(created.get("startsAt").asString());

        var past = meetings.meeting(secretariat, process, -72, null);
        var upcoming = api.get("/api/v1/meetings?when=upcoming&process=" + process).json();
        assertThat(upcoming.get("items").findValuesAsString("slug")).containsExactly(slug);
        var pastList = api.get("/api/v1/meetings?when=past&process=" + process).json();
        assertThat(pastList.get("items").findValuesAsString("slug")).containsExactly(past.get("slug").asString());
        assertThat(api.get("/api/v1/meetings?process=no-such-process").json().get("total").asInt()).isZero();
        assertProblem(api.get("/api/v1/meetings?when=tomorrow"), 400, "invalid-input", "when");
        assertProblem(api.get("/api/v1/meetings/no-such-meeting"), 404, "meeting-not-found", null);
    }

    @Test
    void onlyTheSecretariatOrAnAdministratorSchedulesAndNothingIsStoredOtherwise() {
        var body = body("not-allowed", process);
        assertProblem(api.post("/api/v1/meetings", body, person), 403, "not-secretariat", null);
        assertThat(api.post("/api/v1/meetings", body, null).status()).isEqualTo(401);
        var standalone = body("standalone-by-secretariat", null);
        assertProblem(api.post("/api/v1/meetings", standalone, secretariat), 403, "not-administrator", null);
        assertThat(jdbc.queryForObject("select count(*) from meeting where slug in ('not-allowed', "
                + "'standalone-by-secretariat')", Long.class)).isZero();

        assertThat(api.post("/api/v1/meetings", body("standalone", null), admin).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/meetings/standalone").json().get("processId").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedFieldByField() {
        var badZone = body("bad-zone", process);
        badZone.put("timeZone", "Europe/Geneva");
        assertProblem(api.post("/api/v1/meetings", badZone, secretariat), 400, "invalid-input", "timeZone");

        var backwards = body("backwards", process);
        backwards.put("endsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        backwards.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString());
        assertProblem(api.post("/api/v1/meetings", backwards, secretariat), 400, "invalid-input", "endsAt");

        var badSlug = body("Bad Slug!", process);
        assertProblem(api.post("/api/v1/meetings", badSlug, secretariat), 400, "invalid-input", "slug");

        var noTitle = body("no-title", process);
        noTitle.remove("title");
        noTitle.put("capacity", 0);
        var refused = api.post("/api/v1/meetings", noTitle, secretariat);
        assertProblem(refused, 400, "invalid-input", "title");
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("capacity");

        var script = body("script-link", process);
        script.put("onlineUrl", "javascript:alert(1)");
        assertProblem(api.post("/api/v1/meetings", script, secretariat), 400, "invalid-input", "onlineUrl");

        var reserved = body("new", process);
        assertProblem(api.post("/api/v1/meetings", reserved, secretariat), 400, "invalid-input", "slug");

        assertThat(api.post("/api/v1/meetings", body("twice", process), secretariat).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/meetings", body("twice", process), secretariat), 409, "duplicate-slug", "slug");
        assertThat(jdbc.queryForObject("select count(*) from meeting where slug in ('bad-zone', 'backwards', "
                + "'no-title', 'script-link', 'new', 'twice')", Long.class)).isOne();
    }

    /** The first search result for {@code word} among meetings, once it has the expected title (or fails after 3 s). */
    private tools.jackson.databind.JsonNode awaitMeeting(String word, String title) throws InterruptedException {
        long until = System.nanoTime() + 3_000_000_000L;
        while (true) {
            var items = api.get("/api/v1/search?kind=meeting&q=" + word).json().get("items");
            if (items.size() > 0 && items.get(0).get("title").asString().equals(title)) {
                return items.get(0);
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("No meeting titled " + title + " found for " + word + ": " + items);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aMeetingIsFoundBySearchAsItIsNow() throws InterruptedException {
        var created = meetings.meeting(secretariat, process, 48, null);
        String slug = created.get("slug").asString();
        String word = "zqmeet" + Long.toString(System.nanoTime(), 36);
        assertThat(api.patch("/api/v1/meetings/" + slug, Map.of("agenda", "1. Exchange of views on " + word),
                secretariat).status()).isEqualTo(200);
        var hit = awaitMeeting(word, "Informal consultation on capacity-building");
        assertThat(hit.get("kind").asString()).isEqualTo("meeting");
        assertThat(hit.get("url").asString()).isEqualTo("/meetings/" + slug);
        assertThat(hit.get("snippet").asString()).contains("<mark>" + word + "</mark>");
        assertThat(api.get(hit.get("url").asString()).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/meetings/" + slug, Map.of("title", "Renamed consultation"), secretariat)
                .status()).isEqualTo(200);
        awaitMeeting(word, "Renamed consultation");
        assertThat(api.post("/api/v1/meetings/" + slug + "/cancellation", Map.of(), secretariat).status())
                .isEqualTo(200);
        awaitMeeting(word, "Renamed consultation (cancelled)");
        var facet = api.get("/api/v1/search?q=" + word).json().get("facets").get("kind").get(0);
        assertThat(facet.get("label").asString()).isEqualTo("Meetings");
    }

    @Test
    void theSecretariatChangesAndCancelsAMeetingAndLinksDocuments() {
        String slug = meetings.meeting(secretariat, process, 48, 10).get("slug").asString();

        assertProblem(api.patch("/api/v1/meetings/" + slug, Map.of("title", "Hijacked"), person), 403,
                "not-secretariat", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/cancellation", Map.of(), person), 403,
                "not-secretariat", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/documents", Map.of("title", "Mine", "url",
                "https://example.org/x.pdf"), person), 403, "not-secretariat", null);
        assertThat(api.get("/api/v1/meetings/" + slug).json().get("title").asString()).doesNotContain("Hijacked");

        var changed = api.patch("/api/v1/meetings/" + slug, Map.of("title", "Second informal consultation", "place",
                "", "capacity", 0), secretariat);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("Second informal consultation");
        assertThat(changed.json().get("place").isNull()).isTrue();
        assertThat(changed.json().get("capacity").isNull()).isTrue();
        assertThat(changed.json().get("sequence").asInt()).isEqualTo(1);
        assertProblem(api.patch("/api/v1/meetings/" + slug, Map.of("timeZone", "Mars/Olympus"), secretariat), 400,
                "invalid-input", "timeZone");

        assertProblem(api.post("/api/v1/meetings/" + slug + "/documents", Map.of("title", "Bad", "url",
                "javascript:alert(1)"), secretariat), 400, "invalid-input", "url");
        var document = api.post("/api/v1/meetings/" + slug + "/documents", Map.of("title", "Chair's letter", "url",
                "https://example.org/letter.pdf"), secretariat);
        assertThat(document.status()).as(document.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/meetings/" + slug).json().get("documents").findValuesAsString("title"))
                .containsExactly("Chair's letter");

        var cancelled = api.post("/api/v1/meetings/" + slug + "/cancellation", Map.of(), secretariat);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelledAt").isNull()).isFalse();
        assertProblem(api.post("/api/v1/meetings/" + slug + "/cancellation", Map.of(), secretariat), 409,
                "meeting-cancelled", null);
        assertProblem(api.patch("/api/v1/meetings/" + slug, Map.of("title", "Back"), secretariat), 409,
                "meeting-cancelled", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of(), person), 409,
                "meeting-cancelled", null);
    }

    private Map<String, Object> body(String slug, String processSlug) {
        var startsAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("title", "Roundtable on critical infrastructure");
        body.put("kind", "ROUNDTABLE");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plusHours(3).toString());
        body.put("timeZone", "America/New_York");
        if (processSlug != null) {
            body.put("processSlug", processSlug);
        }
        return body;
    }
}

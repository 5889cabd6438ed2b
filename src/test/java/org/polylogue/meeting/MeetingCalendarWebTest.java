package org.polylogue.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Calendars parsed back with ical4j and validated: one meeting, a process's feed, everything. */
@PolylogueTest
class MeetingCalendarWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    MeetingFixtures meetings;
    String admin;
    String process;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        meetings = new MeetingFixtures(api);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
    }

    @Test
    void aMeetingIsAValidCalendarWithItsTimeZoneAndAStableUid() throws Exception {
        var meeting = meetings.meeting(admin, process, 24, 10);
        String slug = meeting.get("slug").asString();
        var response = api.get("/api/v1/meetings/" + slug + ".ics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        var calendar = parse(response.body());
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        VEvent event = (VEvent) calendar.getComponents("VEVENT").getFirst();
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=Europe/Zurich");
        assertThat(event.getProperty(Property.DTEND).orElseThrow().toString()).contains("TZID=Europe/Zurich");
        assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(event.getSummary().getValue()).isEqualTo("Informal consultation on capacity-building");
        assertThat(event.getLocation().getValue()).isEqualTo("Palais des Nations, Room XVII");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue())
                .isEqualTo("http://localhost:" + port + "/meetings/" + slug);
        assertThat(event.getDescription().getValue()).contains("Welcome by the Chair").doesNotContain("# Opening");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        String uid = event.getUid().orElseThrow().getValue();
        assertThat(uid).startsWith("meeting-" + meeting.get("id").asString() + "@");

        // changed and then cancelled: same UID, a higher SEQUENCE, STATUS:CANCELLED
        assertThat(api.patch("/api/v1/meetings/" + slug, Map.of("title", "Moved consultation"), admin).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/meetings/" + slug + "/cancellation", Map.of(), admin).status()).isEqualTo(200);
        VEvent cancelled = (VEvent) parse(new TestBrowser(port).get("/meetings/" + slug + ".ics").body())
                .getComponents("VEVENT").getFirst();
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getSummary().getValue()).isEqualTo("Moved consultation");
    }

    @Test
    void feedsHoldAProcesssMeetingsOrEveryMeeting() throws Exception {
        String other = fixtures.process(admin);
        String mine = meetings.meeting(admin, process, 24, null).get("slug").asString();
        String theirs = meetings.meeting(admin, other, 48, null).get("slug").asString();
        var utc = new java.util.HashMap<String, Object>(Map.of("slug", "utc-webinar", "title", "Webinar", "kind",
                "WEBINAR", "startsAt", "2030-01-01T10:00:00Z", "endsAt", "2030-01-01T11:00:00Z", "timeZone", "UTC"));
        assertThat(api.post("/api/v1/meetings", utc, admin).status()).isEqualTo(201);

        var feed = new TestBrowser(port).get("/feeds/processes/" + process + "/meetings.ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(urls(parse(feed.body()))).containsExactly("http://localhost:" + port + "/meetings/" + mine);

        var all = parse(api.get("/feeds/meetings.ics").body());
        assertThat(urls(all)).contains("http://localhost:" + port + "/meetings/" + mine,
                "http://localhost:" + port + "/meetings/" + theirs, "http://localhost:" + port + "/meetings/utc-webinar");
        assertThat(all.getComponents("VTIMEZONE")).as("one VTIMEZONE per zone, none for UTC").hasSize(1);
        var webinar = all.getComponents("VEVENT").stream().filter(e -> e.getProperty(Property.URL).orElseThrow()
                .getValue().endsWith("/utc-webinar")).findFirst().orElseThrow();
        assertThat(webinar.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20300101T100000Z");

        assertThat(api.get("/feeds/processes/no-such-process/meetings.ics").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/meetings/no-such-meeting.ics").status()).isEqualTo(404);
    }

    private static Calendar parse(String text) throws Exception {
        var calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        return calendar;
    }

    private static List<String> urls(Calendar calendar) {
        return calendar.getComponents("VEVENT").stream()
                .map(event -> event.getProperty(Property.URL).orElseThrow().getValue()).toList();
    }
}

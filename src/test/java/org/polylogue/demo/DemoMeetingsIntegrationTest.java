package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.meeting.Meetings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo process has a full upcoming consultation with a speakers list, and a past roundtable with participants. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMeetingsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    Meetings meetings;

    TestApi api;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        demo.seed();
    }

    @Test
    void anUpcomingFullMeetingWithAWaitingListAHiddenNameAndASpeakersList() throws Exception {
        var meeting = api.get("/api/v1/meetings/" + DemoMeetings.CONSULTATION).json();
        assertThat(meeting.get("registered").asInt()).isEqualTo(6);
        assertThat(meeting.get("waiting").asInt()).isEqualTo(1);
        var participants = api.get("/api/v1/meetings/" + DemoMeetings.CONSULTATION + "/registrations").json();
        assertThat(participants.get("groups").size()).isGreaterThanOrEqualTo(5);
        assertThat(participants.get("groups").findValues("name").stream().filter(n -> n.isNull()).count()).isOne();
        var speakers = api.get("/api/v1/meetings/" + DemoMeetings.CONSULTATION + "/speakers").json();
        assertThat(speakers.get("waiting").size()).isEqualTo(3);
        var feed = new TestBrowser(port).get("/feeds/processes/" + DemoContent.PROCESS + "/meetings.ics");
        new CalendarBuilder().build(new StringReader(feed.body())).validate();
        assertThat(feed.body()).contains("Informal consultation on the permanent mechanism")
                .contains("Roundtable on protecting critical infrastructure");
    }

    @Test
    void thePastRoundtableHasRegisteredParticipantsFromDemoOrganisations() {
        var past = api.get("/api/v1/meetings?when=past&process=" + DemoContent.PROCESS).json();
        assertThat(past.get("items").findValuesAsString("slug")).contains(DemoMeetings.ROUNDTABLE);
        var roundtable = meetings.find(DemoMeetings.ROUNDTABLE).orElseThrow();
        assertThat(meetings.participants(roundtable.id())).hasSize(6)
                .allSatisfy(p -> assertThat(p.organizationId()).isNotNull());
        assertThat(new TestBrowser(port).get("/meetings/" + DemoMeetings.ROUNDTABLE).body())
                .contains("Ministry of Foreign Affairs of Estonia").contains("Registration is closed");
    }
}

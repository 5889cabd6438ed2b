package org.polylogue.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.io.StringReader;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Registration with capacity and a waiting list, cancellation and promotion, mails with the .ics, refusals. */
@PolylogueTest
class RegistrationApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetingsFacade;

    @Autowired
    JdbcTemplate jdbc;

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
    void placesGoFirstComeFirstServedAndACancellationPromotesTheFirstWaiting() throws Exception {
        String slug = meetings.meeting(admin, process, 24, 2).get("slug").asString();
        String aliceEmail = fixtures.person("Alice Participant");
        String bobEmail = fixtures.person("Bob Participant");
        String carolEmail = fixtures.person("Carol Participant");
        String daveEmail = fixtures.person("Dave Participant");
        String alice = api.token(aliceEmail, TestApi.PASSWORD);
        String bob = api.token(bobEmail, TestApi.PASSWORD);
        String carol = api.token(carolEmail, TestApi.PASSWORD);
        String dave = api.token(daveEmail, TestApi.PASSWORD);

        assertThat(meetings.register(alice, slug, null, false).get("status").asString()).isEqualTo("REGISTERED");
        assertThat(meetings.register(bob, slug, null, true).get("status").asString()).isEqualTo("REGISTERED");
        var carolWaits = meetings.register(carol, slug, null, false);
        assertThat(carolWaits.get("status").asString()).isEqualTo("WAITING");
        assertThat(carolWaits.get("waitingPosition").asInt()).isEqualTo(1);
        assertThat(meetings.register(dave, slug, null, false).get("waitingPosition").asInt()).isEqualTo(2);

        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of(), alice), 409,
                "already-registered", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of(), carol), 409,
                "already-registered", null);
        var details = api.get("/api/v1/meetings/" + slug).json();
        assertThat(details.get("registered").asInt()).isEqualTo(2);
        assertThat(details.get("waiting").asInt()).isEqualTo(2);
        assertThat(details.get("placesLeft").asInt()).isZero();

        String aliceMail = fixtures.lastMailTo(aliceEmail);
        assertThat(aliceMail).contains("Your place is confirmed").contains("Europe/Zurich").contains("UTC")
                .contains("/meetings/" + slug);
        var attachment = attachmentTo(aliceEmail);
        assertThat(attachment.get("filename").asString()).isEqualTo(slug + ".ics");
        assertThat(attachment.get("contentType").asString()).startsWith("text/calendar");
        var calendar = new CalendarBuilder().build(new StringReader(attachment.get("text").asString()));
        calendar.validate();
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        assertThat(fixtures.lastMailTo(carolEmail)).contains("waiting list");
        assertThat(attachmentTo(carolEmail)).as("no calendar entry while waiting").isNull();

        // Bob gives up his place: Carol, first in line, gets it and is mailed; Dave moves up
        var cancelled = api.send("DELETE", "/api/v1/meetings/" + slug + "/registrations", null, bob,
                "application/json", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(fixtures.lastMailTo(carolEmail)).contains("A place became free");
        assertThat(attachmentTo(carolEmail).get("filename").asString()).isEqualTo(slug + ".ics");
        var participants = api.get("/api/v1/meetings/" + slug + "/registrations").json();
        assertThat(participants.get("registered").asInt()).isEqualTo(2);
        assertThat(participants.get("waiting").asInt()).isEqualTo(1);
        assertThat(participants.get("groups").get(0).get("participants").findValuesAsString("name"))
                .containsExactly("Alice Participant", "Carol Participant");
        assertProblem(api.send("DELETE", "/api/v1/meetings/" + slug + "/registrations", null, bob, "application/json",
                Map.of()), 404, "not-registered", null);

        // the transcripts module's view: registered participants with their public names
        String meetingId = meetingsFacade.find(slug).orElseThrow().id();
        assertThat(meetingsFacade.participants(meetingId)).extracting(MeetingParticipant::publicName)
                .containsExactly("Alice Participant", "Carol Participant");
    }

    @Test
    void participantsAreListedByStakeholderGroupAndHiddenNamesStayHidden() {
        String slug = meetings.meeting(admin, process, 24, null).get("slug").asString();
        String repEmail = fixtures.person("Rhea Representative");
        String rep = api.token(repEmail, TestApi.PASSWORD);
        String org = fixtures.organization(rep, "Coastal Academy", "ACADEMIA", "BD");
        String shy = api.token(fixtures.person("Secret Sam"), TestApi.PASSWORD);

        meetings.register(rep, slug, org, false);
        meetings.register(shy, slug, null, true);
        var list = api.get("/api/v1/meetings/" + slug + "/registrations");
        assertThat(list.body()).doesNotContain("Secret Sam");
        var groups = list.json().get("groups");
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.get(0).get("group").asString()).isEqualTo("ACADEMIA");
        assertThat(groups.get(1).get("group").asString()).isEqualTo("INDIVIDUAL");
        assertThat(groups.get(0).get("participants").get(0).get("organizationName").asString())
                .isEqualTo("Coastal Academy");
        assertThat(groups.get(1).get("participants").get(0).get("name").isNull()).isTrue();
        assertThat(api.get("/meetings/" + slug).body()).doesNotContain("Secret Sam").contains("A participant");
    }

    @Test
    void refusalsLeaveNoRegistration() {
        String slug = meetings.meeting(admin, process, 24, 5).get("slug").asString();
        String started = meetings.meeting(admin, process, -1, 5).get("slug").asString();
        String unconfirmed = api.token(fixtures.unconfirmedPerson("Unconfirmed Uma"), TestApi.PASSWORD);
        String person = api.token(fixtures.person("Plain Person"), TestApi.PASSWORD);
        String otherRep = api.token(fixtures.person("Other Rep"), TestApi.PASSWORD);
        String foreignOrg = fixtures.organization(otherRep, "Someone Else's NGO", "CIVIL_SOCIETY", "KE");

        assertThat(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of(), null).status()).isEqualTo(401);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of(), unconfirmed), 403,
                "email-not-confirmed", null);
        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of("organizationId", foreignOrg),
                person), 403, "not-representative", "organizationId");
        assertProblem(api.post("/api/v1/meetings/" + slug + "/registrations", Map.of("organizationId", "nope"),
                person), 400, "invalid-input", "organizationId");
        assertProblem(api.post("/api/v1/meetings/" + started + "/registrations", Map.of(), person), 409,
                "meeting-started", null);
        assertProblem(api.post("/api/v1/meetings/no-such/registrations", Map.of(), person), 404,
                "meeting-not-found", null);
        assertThat(jdbc.queryForObject("select count(*) from meeting_registration r join meeting m on m.id = "
                + "r.meeting_id where m.slug in (?, ?)", Long.class, slug, started)).isZero();
        assertThat(api.get("/api/v1/meetings/" + slug).json().get("registered").asInt()).isZero();
    }

    @Test
    void raisingTheCapacityPromotesPeopleWaiting() {
        String slug = meetings.meeting(admin, process, 24, 1).get("slug").asString();
        meetings.register(api.token(fixtures.person("First"), TestApi.PASSWORD), slug, null, false);
        String secondEmail = fixtures.person("Second");
        meetings.register(api.token(secondEmail, TestApi.PASSWORD), slug, null, false);
        assertThat(api.patch("/api/v1/meetings/" + slug, Map.of("capacity", 2), admin).status()).isEqualTo(200);
        var details = api.get("/api/v1/meetings/" + slug).json();
        assertThat(details.get("registered").asInt()).isEqualTo(2);
        assertThat(details.get("waiting").asInt()).isZero();
        assertThat(fixtures.lastMailTo(secondEmail)).contains("A place became free");
    }

    /** The first attachment of the newest mail to this address, or null. */
    private JsonNode attachmentTo(String email) {
        for (JsonNode mail : api.get("/api/v1/dev/mailbox?size=500").json().get("items")) {
            if (mail.get("to").asString().equals(email)) {
                var attachments = mail.get("attachments");
                return attachments == null || attachments.isEmpty() ? null : attachments.get(0);
            }
        }
        return null;
    }
}

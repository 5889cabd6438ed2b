package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo roundtable's transcript: imported, every state and organisation speaking linked, questions found. */
@PolylogueTest
class DemoTranscriptsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    DemoTranscripts transcripts;

    @Autowired
    Meetings meetings;

    @Autowired
    Accounts accounts;

    @Test
    void theDemoRoundtableHasATranscriptLinkedToDemoOrganisations() {
        demo.seed();
        var account = accounts.findByEmail(DemoContent.SECRETARIAT).orElseThrow();
        var secretariat = new Actor(account.id(), account.displayName(), false);
        if (meetings.find(DemoTranscripts.MEETING).isEmpty()) {
            var start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).withHour(13).withMinute(0);
            meetings.create(new CreateMeeting(DemoTranscripts.MEETING, "Roundtable on the programme of action",
                    MeetingKind.ROUNDTABLE, start, start.plusHours(2), "Europe/Zurich", "Geneva", null, null, "",
                    DemoContent.PROCESS), secretariat).orThrow();
        }
        transcripts.seed(secretariat);

        var api = new TestApi(port);
        var transcript = api.get("/api/v1/meetings/" + DemoTranscripts.MEETING + "/transcript").json();
        assertThat(transcript.get("status").asString()).isEqualTo("unofficial captioning");
        assertThat(transcript.get("turns").size()).isGreaterThan(15);
        Set<String> linkedLabels = new HashSet<>();
        for (JsonNode turn : transcript.get("turns")) {
            if (turn.hasNonNull("organizationId")) {
                linkedLabels.add(turn.get("speaker").asString());
            }
        }
        assertThat(linkedLabels).containsExactlyInAnyOrderElementsOf(DemoTranscripts.SPEAKERS.keySet());
        var questions = api.get("/api/v1/meetings/" + DemoTranscripts.MEETING + "/questions").json();
        assertThat(questions.get("items").findValuesAsString("askedBy")).containsExactly("Rahel Tesfaye",
                "Tomas Silva of the Andean Incident Responders Network");
        assertThat(api.get("/meetings/" + DemoTranscripts.MEETING + "/transcript").status()).isEqualTo(200);
    }
}

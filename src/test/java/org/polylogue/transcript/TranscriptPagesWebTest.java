package org.polylogue.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.polylogue.transcript.internal.CaptionParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class TranscriptPagesWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    TranscriptFixtures f;
    TestBrowser secretariat;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        secretariat = new TestBrowser(port);
        secretariat.signIn(f.secretariatEmail, TestApi.PASSWORD);
    }

    @Test
    void aRefusedImportKeepsThePastedTextAndReportsTheLine() {
        String path = "/meetings/" + f.meeting + "/transcript/import";
        assertThat(secretariat.get(path).status()).isEqualTo(200);
        String bad = TranscriptFixtures.resource("sentence-speaker.txt");
        var refused = secretariat.post(path, Map.of("text", bad));
        assertThat(refused.status()).isEqualTo(422);
        var page = Jsoup.parse(refused.body());
        assertThat(page.getElementById("transcript-text").text()).contains("WE WOULD LIKE TO SUPPORT");
        assertThat(page.getElementById("transcript-report").text()).contains("Line 6:").contains("whole sentence");
        assertThat(page.getElementById("transcript-text").attr("aria-describedby")).contains("transcript-report")
                .contains("transcript-text-error");
        assertThat(f.api.get("/api/v1/meetings/" + f.meeting + "/transcript").status()).isEqualTo(404);

        var imported = secretariat.post(path, Map.of("text", TranscriptFixtures.resource("roundtable-poa.txt")));
        assertThat(imported.status()).isEqualTo(302);
        assertThat(imported.location()).endsWith("/meetings/" + f.meeting + "/transcript/speakers");
        var speakers = Jsoup.parse(secretariat.get("/meetings/" + f.meeting + "/transcript/speakers").body());
        assertThat(speakers.select("legend").text()).contains("KENYA").contains("called “Ambassador Wanjiru”");
    }

    @Test
    void theTranscriptPageFiltersBySpeakerAndShowsStatisticsAndQuestions() {
        String repToken = f.api.registerAndSignIn("Andean Representative");
        String andean = f.fixtures.organization(repToken, "Andean Incident Responders Network", "TECHNICAL_COMMUNITY",
                "PE");
        assertThat(f.upload(f.meeting, TranscriptFixtures.resource("roundtable-poa.txt"), f.secretariat).status())
                .isEqualTo(201);
        var linked = secretariat.post("/meetings/" + f.meeting + "/transcript/speakers",
                Map.of("label", "ANDEAN INCIDENT RESPONDERS NETWORK", "choice", ":" + andean));
        assertThat(linked.status()).isEqualTo(302);

        var anonymous = new TestBrowser(port);
        var all = Jsoup.parse(anonymous.get("/meetings/" + f.meeting + "/transcript").body());
        assertThat(all.select(".transcript-status").text()).contains("Unofficial captioning — not an authoritative record");
        assertThat(all.select("li.turn")).hasSize(12);
        assertThat(all.select("table.transcript-statistics tbody tr").first().text()).startsWith("MODERATOR 6");
        assertThat(all.select(".audience-questions li").first().text()).contains("Maria Lopez of the Sahel Digital "
                + "Rights Collective");
        assertThat(all.getElementById("turn-6").text()).contains("Andean Incident Responders Network")
                .contains("Technical community").contains("called “Dr. Mendoza”");
        assertThat(all.select("#turn-4 .stage-note").text()).contains("(Laughing)");
        assertThat(all.select("form[method=post]")).as("no forms for readers").isEmpty();

        var kenya = Jsoup.parse(anonymous.get("/meetings/" + f.meeting + "/transcript?speaker=KENYA").body());
        assertThat(kenya.select("li.turn")).hasSize(2);
        assertThat(kenya.select("li.turn").eachAttr("id")).containsExactly("turn-2", "turn-4");
        assertThat(kenya.select("#transcript-speaker option[selected]").text()).isEqualTo("KENYA");
        var unknown = Jsoup.parse(anonymous.get("/meetings/" + f.meeting + "/transcript?speaker=-").body());
        assertThat(unknown.select("li.turn")).hasSize(2);

        assertThat(anonymous.get("/meetings/" + f.meeting + "/transcript/import").status()).isIn(302, 401);
        var person = new TestBrowser(port);
        person.signIn(f.fixtures.person("Someone"), TestApi.PASSWORD);
        assertThat(person.get("/meetings/" + f.meeting + "/transcript/speakers").status()).isEqualTo(403);
        assertThat(person.post("/meetings/" + f.meeting + "/transcript/import", Map.of("text", ">> A: b")).status())
                .isEqualTo(403);
    }

    @Test
    void injectedSpeakerLabelsTextsAndNamesStayInert() throws Exception {
        var text = new StringBuilder("XSS ROUNDTABLE\n\nCaptioning is not an authoritative record.\n\n");
        int n = 0;
        for (String payload : XssCorpusWebTest.corpus()) {
            n++;
            text.append(">> SPEAKER ").append(n).append(": ").append(payload).append("\n\n");
            String label = payload.toUpperCase(java.util.Locale.ROOT).replace("\n", " ");
            String line = ">> " + label + ": " + payload;
            if (CaptionParser.parse(line).problems().isEmpty() && CaptionParser.markerAt(payload) < 0) {
                text.append(line).append("\n\n");
            }
            text.append(">> MODERATOR: The next question comes from Xss ").append(payload)
                    .append(". Now I give the floor to Xss ").append(payload).append("\n\n");
        }
        var imported = f.upload(f.meeting, text.toString(), f.secretariat);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Set<String> shown = new HashSet<>();
        for (String path : new String[] {"/meetings/" + f.meeting + "/transcript",
            "/meetings/" + f.meeting + "/transcript?speaker=SPEAKER+1"}) {
            var page = new TestBrowser(port).get(path);
            assertThat(page.status()).isEqualTo(200);
            XssCorpusWebTest.assertInert(path, page.body(), shown);
        }
        String speakers = "/meetings/" + f.meeting + "/transcript/speakers";
        var page = secretariat.get(speakers);
        assertThat(page.status()).isEqualTo(200);
        XssCorpusWebTest.assertInert(speakers, page.body(), shown);
        assertThat(shown).isNotEmpty();
    }
}

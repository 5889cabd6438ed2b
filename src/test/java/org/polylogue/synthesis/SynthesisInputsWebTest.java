package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Ids;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.polylogue.transcript.TranscriptFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Amendments with their supports, transcript turns of the meetings that concern the consultation,
 * and position-ledger stances enter the digest with the right stakeholder groups and stances: an
 * amendment supported across groups is a consensus point for a change, a paragraph one group
 * supports and another opposes in the ledger is contested, an organisation that both supports an
 * amendment and records a stance on it counts once, hidden amendments, chair and courtesy turns and
 * meetings about another consultation stay out.
 */
@PolylogueTest
class SynthesisInputsWebTest {

    static final String TRANSCRIPT = """
            >> CHAIR: Good morning colleagues and welcome. I give the floor to the first speaker on the list for this \
            session, and I remind everyone of the three minute limit for statements today.

            >> CYBER ACADEMY: Thank you, Chair. Research on hospitals under ransomware shows that health care must be \
            named in the norm on critical infrastructure, with reporting every year.

            >> CIVIL VOICE: Thank you very much, Chair.

            >> CIVIL VOICE: Civil society agrees that the critical infrastructure norm should list health care and \
            that states should report every year on how they implement it.

            >> DELEGATE: An unnamed participant stressed that small states need lasting funding for incident response \
            teams and training over several years, not single courses.
            """;

    static final String OTHER_TRANSCRIPT = """
            >> CYBER ACADEMY: This meeting is about the other consultation on the annual report and its statistics, \
            which have nothing to do with submarine cables or hospitals at all.
            """;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Synthesis synthesis;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TranscriptFixtures f;
    TestApi api;
    String slug;
    String otherSlug;
    JsonNode consultation;
    String[] civil;
    String[] academia;
    String[] business;
    String[] state;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        api = f.api;
        consultation = f.fixtures.openConsultation(f.admin, f.process);
        slug = consultation.get("slug").asString();
        // a second consultation of the process: meetings now have to say which one they concern
        otherSlug = f.fixtures.openConsultation(f.admin, f.process).get("slug").asString();
        civil = representative("Civil Voice", "CIVIL_SOCIETY", "SN");
        academia = representative("Cyber Academy", "ACADEMIA", "JP");
        business = representative("Cloud Works", "PRIVATE_SECTOR", "DE");
        state = representative("Ministry of Islands", "MEMBER_STATE", "FJ");
    }

    String paragraph(int index) {
        return consultation.get("document").get("paragraphs").get(index).get("id").asString();
    }

    String[] representative(String name, String group, String country) {
        String token = api.token(f.fixtures.person(name), TestApi.PASSWORD);
        return new String[] {token, f.fixtures.organization(token, name + " " + Ids.next(), group, country)};
    }

    String propose(String[] org, String paragraphId, String kind, String text, String rationale) {
        var body = new HashMap<String, Object>();
        body.put("paragraphId", paragraphId);
        body.put("kind", kind);
        if (text != null) {
            body.put("text", text);
        }
        body.put("rationale", rationale);
        body.put("organizationId", org[1]);
        var proposed = api.post("/api/v1/consultations/" + slug + "/amendments", body, org[0]);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    void support(String amendment, String[] org) {
        var supported = api.post("/api/v1/amendments/" + amendment + "/supports", Map.of("organizationId", org[1]),
                org[0]);
        assertThat(supported.status()).as(supported.body()).isEqualTo(201);
    }

    void stance(String[] org, Map<String, Object> item, String position) {
        var body = new HashMap<String, Object>();
        body.put("actor", Map.of("organizationId", org[1]));
        body.put("item", item);
        body.put("position", position);
        body.put("summary", "Our position, stated in plenary.");
        body.put("evidence", List.of(Map.of("kind", "link", "url", "https://example.org/statement.pdf")));
        var recorded = api.post("/api/v1/positions", body, org[0]);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    String hide(String kind, String id) {
        var rule = api.post("/api/v1/processes/" + f.process + "/moderation-rules", Map.of("title", "No advertising",
                "description", "Advertising is removed."), f.secretariat);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/moderation/" + kind + "/" + id + "/hide", Map.of("ruleId",
                rule.json().get("id").asString(), "reason", "Advertising."), f.secretariat);
        assertThat(hidden.status()).as(hidden.body()).isIn(200, 201);
        return id;
    }

    void meetingAbout(String meetingSlug, String consultationSlug, String transcript, Map<String, String> links) {
        var document = api.post("/api/v1/meetings/" + meetingSlug + "/documents", Map.of("title", "The draft",
                "url", "https://polylogue.example.org/consultations/" + consultationSlug), f.secretariat);
        assertThat(document.status()).as(document.body()).isIn(200, 201);
        var imported = f.upload(meetingSlug, transcript, f.secretariat);
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        links.forEach((label, organization) -> {
            var linked = api.post("/api/v1/meetings/" + meetingSlug + "/transcript/speakers", Map.of("label", label,
                    "organizationId", organization), f.secretariat);
            assertThat(linked.status()).as(linked.body()).isIn(200, 201);
        });
    }

    JsonNode runSynthesis() {
        var started = api.post("/api/v1/consultations/" + slug + "/synthesis", Map.of(), f.admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        // an update queued by the new inputs waits a while before it runs: run it now
        jdbc.sql("update synthesis_job set not_before = now() where id = :id")
                .param("id", started.json().get("jobId").asString()).update();
        synthesis.runQueuedJobs();
        var job = api.get("/api/v1/jobs/" + started.json().get("jobId").asString());
        assertThat(job.json().get("state").asString()).as(job.body()).isEqualTo("SUCCEEDED");
        var digest = api.get("/api/v1/consultations/" + slug + "/synthesis");
        assertThat(digest.status()).as(digest.body()).isEqualTo(200);
        return digest.json();
    }

    /** An update queued by a new input (the listeners run after the commit, on another thread). */
    void awaitQueuedUpdate() {
        for (int i = 0; i < 100; i++) {
            long queued = jdbc.sql("select count(*) from synthesis_job where kind = 'incremental' and state = 'QUEUED'"
                    + " and consultation_id = :c").param("c", consultation.get("id").asString()).query(Long.class)
                    .single();
            if (queued > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no update was queued");
    }

    static Map<String, Integer> kinds(JsonNode digest) {
        Map<String, Integer> kinds = new HashMap<>();
        digest.get("inputKinds").forEach(k -> kinds.put(k.get("kind").asString(), k.get("count").asInt()));
        return kinds;
    }

    static JsonNode point(JsonNode points, String subjectId) {
        for (JsonNode point : points) {
            if (point.get("subjectId").asString().equals(subjectId)) {
                return point;
            }
        }
        return null;
    }

    static JsonNode group(JsonNode point, String group) {
        for (JsonNode g : point.get("groups")) {
            if (g.get("group").asString().equals(group)) {
                return g;
            }
        }
        throw new AssertionError(group + " not in " + point);
    }

    @Test
    void amendmentsSupportsTurnsAndStancesShowInTheDigestWithTheirGroupsAndStances() {
        String amended = paragraph(1);
        String disputed = paragraph(2);
        String amendment = propose(civil, amended, "REPLACE", "States shall not attack hospitals or the health care "
                + "sector, and shall report every year on how they protect them.",
                "Health care must be named: ransomware on hospitals endangers lives.");
        support(amendment, academia);
        support(amendment, business);
        support(amendment, state);
        String hidden = hide("amendment", propose(business, amended, "REPLACE", "Buy Cloud Works premium now.",
                "Spam advertising rationale."));
        // the academy supports the amendment twice over (a support and a ledger stance): it counts once
        stance(academia, Map.of("kind", "amendment", "id", amendment, "consultation", slug), "SUPPORTS");
        stance(state, Map.of("kind", "paragraph", "id", disputed, "consultation", slug), "SUPPORTS");
        stance(business, Map.of("kind", "paragraph", "id", disputed, "consultation", slug), "OPPOSES");

        meetingAbout(f.meeting, slug, TRANSCRIPT, Map.of("CYBER ACADEMY", academia[1], "CIVIL VOICE", civil[1]));
        String otherMeeting = TranscriptFixtures.meeting(accounts, meetings, f.process);
        meetingAbout(otherMeeting, otherSlug, OTHER_TRANSCRIPT, Map.of());

        var digest = runSynthesis();
        var kinds = kinds(digest);
        assertThat(kinds).as(digest.get("inputKinds").toString()).containsEntry("amendment", 1)
                .containsEntry("turn", 3).containsEntry("support", 3).containsEntry("position", 3)
                .doesNotContainKey("comment");
        assertThat(digest.get("inputs").asInt()).as("texts: one amendment and three substantive turns").isEqualTo(4);
        assertThat(digest.toString()).doesNotContain("Spam advertising", "Buy Cloud Works", "other consultation on",
                "I give the floor");

        // agreement across four groups that the amended paragraph should change
        var consensus = point(digest.get("consensus"), amended);
        assertThat(consensus).as(digest.get("consensus").toString()).isNotNull();
        for (String g : List.of("CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "MEMBER_STATE")) {
            var stance = group(consensus, g);
            assertThat(stance.get("raised").asInt()).as(g + " counted once on the point: " + consensus).isEqualTo(1);
            assertThat(stance.get("change").asInt()).as(g).isEqualTo(1);
            assertThat(stance.get("support").asInt()).as("a change is not support of the wording").isZero();
            assertThat(stance.get("against").asInt()).isZero();
        }
        assertThat(point(digest.get("contested"), amended)).isNull();

        // the ledger: a state for the paragraph as it is, a company against it
        var contested = point(digest.get("contested"), disputed);
        assertThat(contested).as(digest.get("contested").toString()).isNotNull();
        assertThat(group(contested, "MEMBER_STATE").get("support").asInt()).isEqualTo(1);
        assertThat(group(contested, "PRIVATE_SECTOR").get("against").asInt()).isEqualTo(1);
        assertThat(point(digest.get("consensus"), disputed)).as("a contested point is no consensus").isNull();

        // turns: linked speakers with their organisation's group, the unlinked one as unidentified
        Set<String> themeGroups = new HashSet<>();
        List<String> themes = new ArrayList<>();
        digest.get("themes").forEach(t -> {
            themes.add(t.get("id").asString());
            t.get("groups").forEach(g -> themeGroups.add(g.get("key").asString()));
        });
        assertThat(themeGroups).contains("ACADEMIA", "CIVIL_SOCIETY", "UNKNOWN");

        // sources link to the amendment and to the turn's anchor
        var browser = new TestBrowser(port);
        StringBuilder sources = new StringBuilder();
        for (String theme : themes) {
            var page = browser.get("/consultations/" + slug + "/digest/themes/" + theme);
            assertThat(page.status()).isEqualTo(200);
            sources.append(page.body());
        }
        assertThat(sources.toString()).contains("/consultations/" + slug + "/amendments/" + amendment, "Amendment",
                "/meetings/" + f.meeting + "/transcript#turn-2", "Transcript turn")
                .doesNotContain("/amendments/" + hidden, "turn-1\"", "turn-3\"", "Spam advertising");

        var page = browser.get("/consultations/" + slug + "/digest");
        assertThat(page.body()).contains("1 amendment", "3 transcript turns", "3 amendment supports",
                "3 position-ledger stances", "for a change").doesNotContain("Spam advertising");
        var markdown = api.send("GET", "/consultations/" + slug + "/digest.md", null, null, "text/plain",
                Map.of("Accept", "text/markdown"));
        assertThat(markdown.body()).contains("1 amendment", "3 transcript turns", "3 amendment supports",
                "for a change").doesNotContain("Spam advertising");
    }

    @Test
    void aDeletionIsAgainstTheWordingAndWithdrawnOrHiddenInputsLeaveTheNextRun() {
        String paragraphId = paragraph(0);
        String deletion = propose(civil, paragraphId, "DELETE", null, "This paragraph repeats paragraph two.");
        support(deletion, academia);
        stance(state, Map.of("kind", "paragraph", "id", paragraphId, "consultation", slug), "SUPPORTS");
        var digest = runSynthesis();
        var contested = point(digest.get("contested"), paragraphId);
        assertThat(contested).as(digest.toString()).isNotNull();
        assertThat(group(contested, "CIVIL_SOCIETY").get("against").asInt()).isEqualTo(1);
        assertThat(group(contested, "ACADEMIA").get("against").asInt()).isEqualTo(1);
        assertThat(group(contested, "MEMBER_STATE").get("support").asInt()).isEqualTo(1);

        // the support is withdrawn and the deletion hidden: the next run knows neither
        var withdrawn = api.send("DELETE", "/api/v1/amendments/" + deletion + "/supports/" + academia[1], null,
                academia[0], null, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        awaitQueuedUpdate();
        hide("amendment", deletion);
        digest = runSynthesis();
        assertThat(kinds(digest)).doesNotContainKeys("amendment", "support").containsEntry("position", 1);
        assertThat(point(digest.get("contested"), paragraphId)).isNull();
        assertThat(digest.toString()).doesNotContain("repeats paragraph two");
    }

    @Test
    void competingAmendmentsHaveTheirOwnPointsAndTheHeatStripCountsChangeVoices() {
        String amended = paragraph(1);
        String first = propose(civil, amended, "REPLACE", "States shall protect hospitals and report every year.",
                "Health care must be named in the norm.");
        support(first, academia);
        support(first, business);
        String second = propose(state, amended, "REPLACE", "States may report on a voluntary basis only.",
                "Reporting every year is a burden for small administrations.");
        // the academy also records its support in the ledger: one voice on the paragraph
        stance(academia, Map.of("kind", "amendment", "id", first, "consultation", slug), "SUPPORTS");
        // the whole document: three groups support it in the ledger
        for (String[] org : List.of(civil, academia, business)) {
            stance(org, Map.of("kind", "consultation", "id", slug), "SUPPORTS");
        }
        var digest = runSynthesis();

        var firstPoint = point(digest.get("consensus"), first);
        assertThat(firstPoint).as(digest.get("consensus").toString()).isNotNull();
        assertThat(firstPoint.get("subject").asString()).isEqualTo("amendment");
        assertThat(firstPoint.get("label").asString()).startsWith("Amendment to paragraph 2 by Civil Voice");
        for (String g : List.of("CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR")) {
            assertThat(group(firstPoint, g).get("support").asInt()).as(g + ": for the amendment").isEqualTo(1);
        }
        assertThat(point(digest.get("consensus"), second)).as("one group only").isNull();
        var document = point(digest.get("consensus"), "document");
        assertThat(document).as(digest.get("consensus").toString()).isNotNull();
        assertThat(document.get("subject").asString()).isEqualTo("document");

        JsonNode heat = null;
        for (JsonNode p : digest.get("paragraphs")) {
            if (p.get("paragraphId").asString().equals(amended)) {
                heat = p;
            }
        }
        assertThat(heat).isNotNull();
        assertThat(heat.get("change").asInt()).as(heat.toString()).isEqualTo(4);
        assertThat(heat.get("voices").asInt()).as("the academy once").isEqualTo(4);
        assertThat(heat.get("support").asInt()).isZero();

        var page = new TestBrowser(port).get("/consultations/" + slug + "/digest");
        assertThat(page.body()).contains("href=\"/consultations/" + slug + "/amendments/" + first + "\"",
                "Amendment to paragraph 2 by Civil Voice", "The whole document", "For a change", "4 for a change", "✎4");
        var markdown = api.send("GET", "/consultations/" + slug + "/digest.md", null, null, "text/plain",
                Map.of("Accept", "text/markdown"));
        assertThat(markdown.body()).contains("| For a change |", "Amendment to paragraph 2 by Civil Voice",
                "The whole document");
    }

    @Test
    void storedXssPayloadsInAmendmentsAndTurnsStayInertOnTheDigestPages() throws Exception {
        var corpus = XssCorpusWebTest.corpus();
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            String payload = corpus.get(i);
            propose(civil, paragraph(i % 3), "REPLACE", payload + " shall be the new wording of this paragraph.",
                    payload + " is why we propose it.");
            transcript.append(">> SPEAKER ").append(i).append(": ").append(payload)
                    .append(" was said in the roundtable by a delegate who spoke at length about it.\n\n");
        }
        meetingAbout(f.meeting, slug, transcript.toString(), Map.of());
        var digest = runSynthesis();
        assertThat(kinds(digest)).containsEntry("amendment", corpus.size());
        var browser = new TestBrowser(port);
        Set<String> shown = new HashSet<>();
        List<String> paths = new ArrayList<>(List.of("/consultations/" + slug + "/digest"));
        digest.get("themes").forEach(t -> paths.add("/consultations/" + slug + "/digest/themes/"
                + t.get("id").asString()));
        digest.get("campaigns").forEach(c -> paths.add("/consultations/" + slug + "/digest/campaigns/"
                + c.get("id").asString()));
        for (String path : paths) {
            var page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            XssCorpusWebTest.assertInert(path, page.body(), shown);
        }
        var markdown = api.send("GET", "/consultations/" + slug + "/digest.md", null, null, "text/plain",
                Map.of("Accept", "text/markdown"));
        assertThat(markdown.body()).doesNotContain("<script", "<img", "<svg");
    }
}

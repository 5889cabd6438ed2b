package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.Ids;
import org.polylogue.shared.security.XssCorpusWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A synthesis end to end on a seeded consultation: the secretariat starts it through the API, the
 * job finishes, the digest shows the campaign as one voice with its signatories, themes with their
 * sources, a consensus point across groups, and the pages and Markdown export show it. Refusals,
 * the empty consultation, incremental triggering, restart recovery and stored XSS payloads too.
 */
@PolylogueTest
class SynthesisWebTest {

    static final String CAMPAIGN = "Submarine cables carry almost all intercontinental internet traffic and small "
            + "island states can be cut off for weeks. States should share information on cable faults quickly and "
            + "fund more repair ships. Damaging cables on purpose should be named a violation of the norms.";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Synthesis synthesis;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String slug;
    JsonNode consultation;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        consultation = fixtures.openConsultation(admin, fixtures.process(admin));
        slug = consultation.get("slug").asString();
    }

    String paragraph(int index) {
        return consultation.get("document").get("paragraphs").get(index).get("id").asString();
    }

    /** A representative of a new organisation of the group; returns their token and organisation id. */
    String[] representative(String name, String group, String country) {
        String token = api.token(fixtures.person(name), TestApi.PASSWORD);
        return new String[] {token, fixtures.organization(token, name + " organisation", group, country)};
    }

    String comment(String token, String organization, String paragraphId, String body) {
        var request = new java.util.HashMap<String, String>();
        request.put("body", body);
        if (organization != null) {
            request.put("organizationId", organization);
        }
        if (paragraphId != null) {
            request.put("paragraphId", paragraphId);
        }
        var response = api.post("/api/v1/consultations/" + slug + "/comments", request, token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    JsonNode runSynthesis() {
        var started = api.post("/api/v1/consultations/" + slug + "/synthesis", Map.of(), admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("jobId").asString();
        synthesis.runQueuedJobs();
        var job = api.get("/api/v1/jobs/" + jobId);
        assertThat(job.json().get("state").asString()).as(job.body()).isEqualTo("SUCCEEDED");
        assertThat(job.json().get("progress").asInt()).isEqualTo(100);
        return job.json();
    }

    @Test
    void theSecretariatSynthesisesAConsultationAndEveryoneReadsTheDigest() {
        List<String> campaign = new ArrayList<>();
        String[] ngo = representative("Cable Watch", "CIVIL_SOCIETY", "FJ");
        String[] firm = representative("Subsea Networks", "PRIVATE_SECTOR", "FR");
        String[] ministry = representative("Ministry of Islands", "MEMBER_STATE", "TO");
        String[] lab = representative("Ocean Lab", "ACADEMIA", "CL");
        String[] names = {"Amina", "Jorge", "Li", "Sofia"};
        for (String name : names) {
            String token = api.token(fixtures.person(name), TestApi.PASSWORD);
            campaign.add(comment(token, null, paragraph(2), CAMPAIGN + " Signed, " + name + "."));
        }
        String[][] all = {ngo, firm, ministry, lab};
        // ransomware on hospitals and capacity building, every group on both
        var texts = LabelledCorpus.uniqueEnglish(24, new int[] {0, 2}, 5);
        for (int i = 0; i < texts.size(); i++) {
            String[] org = all[(i / 2) % all.length];
            comment(org[0], org[1], paragraph(i % 2 == 0 ? 2 : 3), texts.get(i));
        }

        var person = api.token(fixtures.person("Curious Person"), TestApi.PASSWORD);
        var refused = api.post("/api/v1/consultations/" + slug + "/synthesis", Map.of(), person);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("not-secretariat");
        assertThat(api.post("/api/v1/consultations/" + slug + "/synthesis", Map.of(), null).status()).isEqualTo(401);
        var before = api.get("/api/v1/consultations/" + slug + "/synthesis");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().get("type").asString()).endsWith("no-synthesis-yet");
        assertThat(jdbc.sql("select count(*) from synthesis_job where consultation_id = :c")
                .param("c", consultation.get("id").asString()).query(Long.class).single()).as("nothing queued").isZero();

        var job = runSynthesis();
        assertThat(job.get("inputs").asInt()).isEqualTo(28);

        var digest = api.get("/api/v1/consultations/" + slug + "/synthesis").json();
        assertThat(digest.get("inputs").asInt()).isEqualTo(28);
        assertThat(digest.get("distinctVoices").asInt()).isEqualTo(25);
        assertThat(digest.get("campaigns")).hasSize(1);
        var found = digest.get("campaigns").get(0);
        assertThat(found.get("size").asInt()).isEqualTo(4);
        List<String> members = new ArrayList<>();
        found.get("commentIds").forEach(id -> members.add(id.asString()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(campaign);
        assertThat(digest.get("themes").size()).isGreaterThanOrEqualTo(2);
        int themed = 0;
        for (JsonNode theme : digest.get("themes")) {
            themed += theme.get("commentIds").size();
            assertThat(theme.get("excerpts").size()).isBetween(1, 3);
        }
        assertThat(themed).as("every comment is in exactly one theme").isEqualTo(28);
        assertThat(digest.get("consensus").size()).as(digest.toString()).isGreaterThanOrEqualTo(1);

        var page = new TestBrowser(port).get("/consultations/" + slug + "/digest");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Campaign of 4 signatories", "Points of cross-group consensus",
                "How this is computed", "Distinct voices");
        String campaignPage = "/consultations/" + slug + "/digest/campaigns/" + found.get("id").asString();
        var members4 = new TestBrowser(port).get(campaignPage);
        assertThat(members4.status()).isEqualTo(200);
        for (String id : campaign) {
            assertThat(members4.body()).contains("/consultations/" + slug + "/comments/" + id);
        }
        var themePage = new TestBrowser(port).get("/consultations/" + slug + "/digest/themes/"
                + digest.get("themes").get(0).get("id").asString());
        assertThat(themePage.status()).isEqualTo(200);
        assertThat(themePage.body()).contains("Every source");
        var markdown = api.send("GET", "/consultations/" + slug + "/digest.md", null, null, "text/plain",
                Map.of("Accept", "text/markdown"));
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("# Digest", "## Campaigns", "Campaign of 4 signatories");
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/digest/themes/no-such").status())
                .isEqualTo(404);

        // a new comment marks the digest stale and queues one incremental run after a short wait
        comment(ngo[0], ngo[1], null, "One more thought on cable repair ships and island states.");
        awaitQueuedIncrementalJob();
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/digest").body())
                .contains("New inputs arrived since");
    }

    void awaitQueuedIncrementalJob() {
        for (int i = 0; i < 50; i++) {
            long queued = jdbc.sql("select count(*) from synthesis_job where kind = 'incremental' and state = 'QUEUED'"
                    + " and consultation_id = :c").param("c", consultation.get("id").asString()).query(Long.class).single();
            if (queued == 1) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("no incremental job was queued");
    }

    @Test
    void aConsultationWithoutInputsGetsADigestThatSaysSo() {
        runSynthesis();
        var digest = api.get("/api/v1/consultations/" + slug + "/synthesis").json();
        assertThat(digest.get("inputs").asInt()).isZero();
        assertThat(digest.get("notes").get(0).asString()).contains("No comments or written submissions yet");
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/digest").body())
                .contains("No comments or written submissions yet");
    }

    @Test
    void aRunningJobWhoseNodeDiedIsPickedUpAgain() {
        String consultationId = consultation.get("id").asString();
        String id = Ids.next();
        Instant longAgo = Instant.now().minusSeconds(3_600);
        jdbc.sql("""
                insert into synthesis_job (id, consultation_id, kind, state, progress, node, attempts, created_at,
                    not_before, started_at, heartbeat_at, message)
                values (:id, :c, 'full', 'RUNNING', 40, 'node-dead', 1, :t, :t, :t, :t, 'Finding themes')""")
                .param("id", id).param("c", consultationId).param("t", Timestamp.from(longAgo)).update();
        for (int i = 0; i < 100; i++) {
            var job = api.get("/api/v1/jobs/" + id).json();
            if (job.get("state").asString().equals("SUCCEEDED")) {
                assertThat(jdbc.sql("select attempts from synthesis_job where id = :id").param("id", id)
                        .query(Integer.class).single()).isEqualTo(2);
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the abandoned job was not restarted: " + api.get("/api/v1/jobs/" + id).body());
    }

    @Test
    void storedXssPayloadsStayInertOnEveryDigestPage() throws Exception {
        var corpus = XssCorpusWebTest.corpus();
        String token = api.token(fixtures.person("Payload Writer"), TestApi.PASSWORD);
        String[] org = representative("Payload Org", "TECHNICAL_COMMUNITY", "DE");
        for (String payload : corpus) {
            // three times each: so that the payloads also form campaigns and show as representatives
            for (int i = 0; i < 3; i++) {
                comment(i == 0 ? token : org[0], i == 0 ? null : org[1], null, payload);
            }
        }
        runSynthesis();
        var digest = api.get("/api/v1/consultations/" + slug + "/synthesis").json();
        var shown = new HashSet<String>();
        var browser = new TestBrowser(port);
        List<String> paths = new ArrayList<>();
        paths.add("/consultations/" + slug + "/digest");
        digest.get("themes").forEach(t -> paths.add("/consultations/" + slug + "/digest/themes/" + t.get("id").asString()));
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
        assertThat(shown).as("payload markers shown as text").isNotEmpty();
    }

    @Test
    void unknownJobsAndConsultationsAreNotFound() {
        assertThat(api.get("/api/v1/jobs/no-such-job").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/consultations/no-such/synthesis").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/consultations/no-such/synthesis", Map.of(), admin).status()).isEqualTo(404);
        assertThat(new TestBrowser(port).get("/synthesis/jobs/no-such-job").status()).isEqualTo(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

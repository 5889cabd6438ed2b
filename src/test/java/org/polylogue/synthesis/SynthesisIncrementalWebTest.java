package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Incremental runs through the database: the first run is a full analysis, a later run places new
 * comments into the stored campaigns and themes and says so on the digest, a hidden campaign
 * member leaves its campaign, {@code full=true} clusters again, and only the secretariat may ask.
 */
@PolylogueTest
class SynthesisIncrementalWebTest {

    static final String LETTER = "Hospitals must never be attacked with ransomware. States should help each other "
            + "restore health services quickly and prosecute the gangs that extort them. Please protect patients.";

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
    String process;
    JsonNode consultation;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        consultation = fixtures.openConsultation(admin, process);
        slug = consultation.get("slug").asString();
    }

    String comment(String token, String body) {
        var response = api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", body), token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    String person(String name) {
        return api.token(fixtures.person(name), TestApi.PASSWORD);
    }

    JsonNode run(String query) {
        var started = api.post("/api/v1/consultations/" + slug + "/synthesis" + query, Map.of(), admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("jobId").asString();
        synthesis.runQueuedJobs();
        var job = api.get("/api/v1/jobs/" + jobId);
        assertThat(job.json().get("state").asString()).as(job.body()).isEqualTo("SUCCEEDED");
        return job.json();
    }

    String digestBody() {
        return jdbc.sql("select body from synthesis_digest where consultation_id = :c")
                .param("c", consultation.get("id").asString()).query(String.class).single();
    }

    @Test
    void laterRunsAreIncrementalHiddenMembersLeaveAndTheSecretariatCanAskForAFullAnalysis() {
        List<String> members = new ArrayList<>();
        String[] names = {"Amina", "Jorge", "Li", "Sofia"};
        for (String name : names) {
            members.add(comment(person(name), LETTER + " Signed, " + name + "."));
        }
        var texts = LabelledCorpus.uniqueEnglish(30, new int[] {0, 2, 4}, 9);
        for (int i = 0; i < 24; i++) {
            comment(person("Writer " + i), texts.get(i));
        }
        var first = run("");
        assertThat(first.get("message").asString()).startsWith("Full analysis");
        assertThat(digestBody()).contains("\"kind\":\"full\"");

        // two more signatories, one new comment, and one signatory hidden by moderation
        for (String name : new String[] {"Kwame", "Marie"}) {
            members.add(comment(person(name), LETTER + " Signed, " + name + "."));
        }
        String fresh = comment(person("Writer 24"), texts.get(24));
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "No duplicates of personal data", "description", "Test rule."), admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/moderation/comment/" + members.getFirst() + "/hide",
                Map.of("ruleId", rule.json().get("id").asString(), "reason", "Contains a phone number."), admin);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);

        var second = run("");
        assertThat(second.get("message").asString()).as(second.toString()).startsWith("Incremental update");
        var digest = api.get("/api/v1/consultations/" + slug + "/synthesis").json();
        var campaign = digest.get("campaigns").get(0);
        assertThat(campaign.get("size").asInt()).isEqualTo(5);
        List<String> ids = new ArrayList<>();
        campaign.get("commentIds").forEach(id -> ids.add(id.asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(members.subList(1, members.size()));
        assertThat(digest.toString()).doesNotContain(members.getFirst());
        List<String> themed = new ArrayList<>();
        digest.get("themes").forEach(t -> t.get("commentIds").forEach(id -> themed.add(id.asString())));
        assertThat(themed).contains(fresh).doesNotContain(members.getFirst());
        assertThat(digestBody()).contains("\"kind\":\"incremental\"");
        assertThat(new TestBrowser(port).get("/consultations/" + slug + "/digest").body())
                .contains("Updated incrementally with 3 new inputs since the full analysis of");
        assertThat(jdbc.sql("select count(*) from synthesis_member where consultation_id = :c and input_id = :id")
                .param("c", consultation.get("id").asString()).param("id", members.getFirst()).query(Long.class)
                .single()).isZero();

        // someone who is not the secretariat cannot ask for anything, full or not
        String stranger = person("Stranger");
        long jobs = jdbc.sql("select count(*) from synthesis_job where consultation_id = :c")
                .param("c", consultation.get("id").asString()).query(Long.class).single();
        var refused = api.post("/api/v1/consultations/" + slug + "/synthesis?full=true", Map.of(), stranger);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from synthesis_job where consultation_id = :c")
                .param("c", consultation.get("id").asString()).query(Long.class).single()).isEqualTo(jobs);

        var third = run("?full=true");
        assertThat(third.get("kind").asString()).isEqualTo("full");
        assertThat(third.get("message").asString()).startsWith("Full analysis");
        assertThat(digestBody()).contains("\"kind\":\"full\"");
        assertThat(api.get("/api/v1/consultations/" + slug + "/synthesis").json().get("campaigns").get(0).get("size")
                .asInt()).isEqualTo(5);
    }
}

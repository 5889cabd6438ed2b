package org.polylogue.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.submission.SubmissionFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The spam guard also watches joint statements and written submissions, not only comments. */
@PolylogueTest
class SpamGuardAcrossKindsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aStatementFullOfLinksIsRefusedAndTheSamePaperFromThreeAccountsIsFlagged() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String slug = fixtures.openConsultation(admin, process).get("slug").asString();

        String lead = api.token(fixtures.person("Link Collector"), TestApi.PASSWORD);
        String organization = fixtures.organization(lead, "Link Farm Institute", "ACADEMIA", "NZ");
        TestApi.assertProblem(api.post("/api/v1/statements", Map.of("title", "Read these", "body",
                "See " + "https://example.org/x ".repeat(11), "organizationId", organization), lead), 400,
                "invalid-input", "body");

        byte[] paper = "We, the undersigned, demand the immediate adoption of the campaign text.\n"
                .getBytes(StandardCharsets.UTF_8);
        String lastId = null;
        for (int i = 0; i < 3; i++) {
            String token = api.token(fixtures.person("Campaigner " + i), TestApi.PASSWORD);
            var uploaded = SubmissionFiles.upload(api, "/api/v1/consultations/" + slug + "/submissions", token,
                    Map.of("title", "Our demand " + i, "summary", "The campaign text."), "demand.txt", "text/plain",
                    paper);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            lastId = uploaded.json().get("id").asString();
        }
        var queue = api.get("/api/v1/processes/" + process + "/moderation-queue", admin).json();
        assertThat(queue.toString()).contains("3 different accounts").contains(lastId);
        assertThat(api.get("/api/v1/submissions/" + lastId).status()).as("flagged, not hidden").isEqualTo(200);
    }

    @Test
    void everyLaterPostOfACampaignIsFlaggedToo() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String slug = fixtures.openConsultation(admin, process).get("slug").asString();
        for (int i = 0; i < 5; i++) {
            fixtures.comment(api.token(fixtures.person("Campaign voice " + i), TestApi.PASSWORD), slug, null,
                    "Stop the cyber treaty now!");
        }
        fixtures.comment(api.token(fixtures.person("Own voice"), TestApi.PASSWORD), slug, null,
                "I have my own view on paragraph 3.");
        var queue = api.get("/api/v1/processes/" + process + "/moderation-queue", admin).json();
        assertThat(queue).hasSize(5);
        assertThat(queue.toString()).doesNotContain("my own view");
    }
}

package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.synthesis.Synthesis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo digest shows a campaign, several themes and a cross-group consensus point, each traceable. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSynthesisIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    Synthesis synthesis;

    TestApi api;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        demo.seed();
        synthesis.runQueuedJobs();
    }

    @Test
    void theDemoDigestHasACampaignThemesAndConsensus() {
        var response = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/synthesis");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode digest = response.json();
        assertThat(digest.get("campaigns").size()).isGreaterThanOrEqualTo(1);
        JsonNode campaign = digest.get("campaigns").get(0);
        assertThat(campaign.get("size").asInt()).isEqualTo(25);
        assertThat(campaign.get("commentIds")).hasSize(25);
        assertThat(campaign.get("bursts")).isNotEmpty();
        assertThat(digest.get("themes").size()).as(digest.get("themes").toString()).isGreaterThanOrEqualTo(3);
        assertThat(digest.get("consensus").size()).as(digest.toString()).isGreaterThanOrEqualTo(1);
        var page = new TestBrowser(port).get("/consultations/" + DemoContent.OPEN_CONSULTATION + "/digest");
        assertThat(page.body()).contains("Campaign of 25 signatories");
        // amendments, their supports and the roundtable's turns are inputs too
        var kinds = new java.util.HashMap<String, Integer>();
        digest.get("inputKinds").forEach(k -> kinds.put(k.get("kind").asString(), k.get("count").asInt()));
        assertThat(kinds).as(digest.get("inputKinds").toString()).containsKeys("comment", "amendment", "turn",
                "support");
        boolean amendmentConsensus = false;
        for (JsonNode point : digest.get("consensus")) {
            for (JsonNode group : point.get("groups")) {
                amendmentConsensus |= group.get("change").asInt() > 0;
            }
        }
        assertThat(amendmentConsensus).as("a consensus point for a change: " + digest.get("consensus")).isTrue();
        assertThat(page.body()).contains("transcript turns", "amendment");
        var members = new TestBrowser(port).get("/consultations/" + DemoContent.OPEN_CONSULTATION
                + "/digest/campaigns/" + campaign.get("id").asString());
        assertThat(members.body()).contains("Every source (25)");
    }
}

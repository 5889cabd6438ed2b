package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo position matrix has a stance with evidence in every cell, across stakeholder groups. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPositionsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    TestApi api;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        demo.seed();
    }

    @Test
    void everyCellOfTheDemoMatrixHasEvidence() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode matrix = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/positions").json();
            assertThat(matrix.get("items").size()).isGreaterThanOrEqualTo(3);
            assertThat(matrix.get("actors").size()).isGreaterThanOrEqualTo(8);
            // DemoPositions fills its three items (the named proposal, the consultation, a paragraph) for
            // all its nine organisations; stances recorded automatically from amendment supports and
            // co-signatures add items where only their supporters have a known position
            var actorsPerItem = new java.util.HashMap<String, Integer>();
            matrix.get("cells").forEach(cell -> actorsPerItem.merge(cell.get("item").toString(), 1, Integer::sum));
            assertThat(actorsPerItem.values().stream().filter(n -> n >= 9).count()).isGreaterThanOrEqualTo(3);
        });
        JsonNode matrix = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/positions").json();
        assertThat(matrix.get("items").get(0).get("label").asString()).isEqualTo("Programme of action");
        Set<String> groups = new HashSet<>();
        for (JsonNode cell : matrix.get("cells")) {
            assertThat(cell.get("evidence").size()).as(cell.toString()).isPositive();
            groups.add(cell.get("actor").get("stakeholderGroup").asString());
        }
        assertThat(groups).hasSizeGreaterThanOrEqualTo(5);
        var page = new TestBrowser(port).get("/processes/" + DemoContent.PROCESS + "/positions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Programme of action").contains("Opposes");
        var changes = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/positions/changes").json();
        assertThat(changes.get("items").findValuesAsString("previous")).contains("NEUTRAL");
    }
}

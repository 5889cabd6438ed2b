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
            // every actor has a stance with evidence on every item: no empty cell
            for (JsonNode item : matrix.get("items")) {
                for (JsonNode actor : matrix.get("actors")) {
                    JsonNode cell = null;
                    for (JsonNode c : matrix.get("cells")) {
                        if (c.get("item").get("kind").asString().equals(item.get("kind").asString())
                                && c.get("item").get("id").asString().equals(item.get("id").asString())
                                && c.get("actor").get("id").asString().equals(actor.get("id").asString())) {
                            cell = c;
                        }
                    }
                    assertThat(cell).as(actor.get("name") + " on " + item.get("label")).isNotNull();
                    assertThat(cell.get("evidence").size()).as(cell.toString()).isPositive();
                }
            }
            assertThat(matrix.get("items").findValuesAsString("kind")).doesNotContain("amendment");
            // amendments apart, each with its supporters and the evidence
            assertThat(matrix.get("amendments").size()).isPositive();
            for (JsonNode amendment : matrix.get("amendments")) {
                assertThat(amendment.get("item").get("kind").asString()).isEqualTo("amendment");
                assertThat(amendment.get("stances").size()).isPositive();
                amendment.get("stances").forEach(s -> assertThat(s.get("evidence").size()).isPositive());
            }
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
        assertThat(page.body()).contains("Programme of action").contains("Opposes")
                .contains("Amendments and their supporters");
        var changes = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/positions/changes").json();
        assertThat(changes.get("items").findValuesAsString("previous")).contains("NEUTRAL");
    }
}

package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo amendments: four proposals, supports across groups, a disposition of each kind, published. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAmendmentsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    DemoAmendments demoAmendments;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    TestApi api;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        demo.seed(); // DemoContent proposes, supports, disposes and publishes the demo amendments
    }

    @Test
    void theDemoHasFourAmendmentsWithSupportsAndEveryKindOfDispositionPublished() {
        var list = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/amendments").json();
        assertThat(list.get("total").asInt()).isEqualTo(4);
        Set<String> decisions = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (JsonNode amendment : list.get("items")) {
            decisions.add(amendment.get("disposition").get("decision").asString());
            amendment.get("supports").get("byStakeholderGroup").propertyNames().forEach(groups::add);
        }
        assertThat(decisions).containsExactlyInAnyOrder("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "MERGED");
        assertThat(groups).hasSizeGreaterThanOrEqualTo(4);
        var trail = api.get("/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION + "/trail").json();
        long answeredComments = 0;
        for (JsonNode entry : trail) {
            if (entry.get("kind").asString().equals("comment") && !entry.get("disposition").isNull()) {
                answeredComments++;
            }
        }
        assertThat(answeredComments).isEqualTo(3);
        var page = new TestBrowser(port).get("/consultations/" + DemoContent.OPEN_CONSULTATION + "/trail");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Accepted in part", "Merged into another amendment");
    }
}

package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo process's accreditation log shows requests, objections with and without a reason, and decisions. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAccreditationIntegrationTest {

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
    void theDemoLogHasARequestAnObjectionAndADecision() {
        var log = api.get("/api/v1/processes/" + DemoContent.PROCESS + "/accreditation").json();
        var counts = log.get("counts");
        assertThat(counts.get("requested").asLong()).isEqualTo(1);
        assertThat(counts.get("objected").asLong()).isEqualTo(1);
        assertThat(counts.get("accredited").asLong()).isEqualTo(1);
        assertThat(counts.get("notAccredited").asLong()).isEqualTo(1);
        List<JsonNode> entries = new ArrayList<>();
        log.get("items").forEach(item -> item.get("entries").forEach(entries::add));
        assertThat(entries).extracting(e -> e.get("kind").asString()).contains("REQUESTED", "OBJECTED",
                "OBJECTION_WITHDRAWN", "DECIDED");
        var objections = entries.stream().filter(e -> e.get("kind").asString().equals("OBJECTED")).toList();
        assertThat(objections).anySatisfy(e -> assertThat(e.get("text").isNull()).isTrue())
                .anySatisfy(e -> assertThat(e.get("text").asString()).isNotBlank())
                .allSatisfy(e -> {
                    assertThat(e.get("organization").get("stakeholderGroup").asString()).isEqualTo("Member state");
                    assertThat(e.get("organization").get("verified").asBoolean()).isTrue();
                });
        assertThat(log.get("items").findValuesAsString("ecosocStatus")).contains("Special consultative status");
    }

    @Test
    void theDemoLogPageAndRolesRender() {
        var browser = new TestBrowser(port);
        var page = browser.get("/processes/" + DemoContent.PROCESS + "/accreditation");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sahel Digital Rights Collective").contains("No reason given.")
                .contains("The secretariat decided: not accredited").contains("Special consultative status");
        assertThat(browser.get("/processes/" + DemoContent.PROCESS + "/roles").body())
                .contains("Secretariat of the working group").contains("Moderator of the working group");
        assertThat(api.token(DemoContent.MODERATOR, DemoContent.PASSWORD)).startsWith("plg_");
    }
}

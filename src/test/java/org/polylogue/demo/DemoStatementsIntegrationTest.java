package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The demo has a joint statement signed across at least four stakeholder groups, with one withdrawal. */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStatementsIntegrationTest {

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
    void theDemoStatementHasSignatoriesFromFourGroupsAndOneWithdrawal() {
        var list = api.get("/api/v1/statements").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode statement = list.get("items").get(0);
        assertThat(statement.get("status").asString()).isEqualTo("OPEN");
        assertThat(statement.get("link").get("processSlug").asString()).isEqualTo(DemoContent.PROCESS);
        assertThat(statement.get("link").get("paragraphNumber").asInt()).isPositive();
        Set<String> groups = new HashSet<>();
        int withdrawn = 0;
        for (JsonNode signature : statement.get("signatures")) {
            if (signature.get("withdrawnAt").isNull()) {
                groups.add(signature.get("stakeholderGroup").asString());
                assertThat(signature.get("verified").asBoolean()).isTrue();
            } else {
                withdrawn++;
            }
        }
        assertThat(groups).hasSizeGreaterThanOrEqualTo(4);
        assertThat(withdrawn).isEqualTo(1);
        var page = new TestBrowser(port).get("/statements/" + statement.get("id").asString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Joint statement on meaningful stakeholder participation")
                .contains("Withdrawn signatures (1)");
    }
}

package org.polylogue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's open draft gets versions 2 and 3 with every kind of change, aligned as intended. */
@PolylogueTest
class DemoVersionsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoContent demo;

    @Autowired
    DemoVersions versions;

    @Autowired
    Accounts accounts;

    @Test
    void versionsTwoAndThreeArePublishedWithEditsAMoveASplitANewAndARemovedParagraphAndAMerge() {
        demo.seed(); // publishes versions 2 and 3 after the demo amendments
        var api = new TestApi(port);
        String base = "/api/v1/consultations/" + DemoContent.OPEN_CONSULTATION;
        assertThat(api.get(base + "/versions").json().get("total").asInt()).isEqualTo(3);
        var v2 = api.get(base + "/versions/2").json();
        assertThat(v2.get("paragraphs").findValuesAsString("change")).contains("UNCHANGED", "EDITED", "MOVED", "SPLIT",
                "NEW");
        assertThat(v2.get("removed")).hasSize(1);
        assertThat(v2.get("paragraphs").findValuesAsString("text")).as("the accepted demo amendment is carried")
                .contains(DemoVersions.ACCEPTED_DISCLOSURE);
        var v3 = api.get(base + "/versions/3").json();
        assertThat(v3.get("paragraphs").findValuesAsString("change")).contains("MERGED", "EDITED");
        assertThat(v3.get("removed")).isEmpty();
        assertThat(api.get(base).json().get("document").get("version").asInt()).isEqualTo(3);
        var diff = api.get(base + "/diff?from=1&to=3").json();
        assertThat(diff.get("rows").findValuesAsString("change")).contains("DELETED", "MOVED", "NEW");
    }
}

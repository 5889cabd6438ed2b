package org.polylogue.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class ErrorPagesWebTest {

    @LocalServerPort
    int port;

    TestApi api;
    TestBrowser browser;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        browser = new TestBrowser(port);
    }

    @Test
    void anUnknownApiRouteIsAProblemNeverAPage() {
        var response = api.get("/api/v1/no-such-route");
        assertProblem(response, 404, "not-found", null);
        assertThat(response.json().get("detail").asString()).contains("/api/v1/no-such-route");

        var asBrowser = browser.get("/api/v1/no-such-route");
        assertThat(asBrowser.status()).isEqualTo(404);
        assertThat(asBrowser.contentType()).startsWith("application/problem+json");
        assertThat(asBrowser.body()).doesNotContain("<html");
    }

    @Test
    void aWrongMethodOnAnApiRouteIsAProblem() {
        var response = api.send("DELETE", "/api/v1/processes", null, null, null, Map.of());
        assertProblem(response, 405, "method-not-allowed", null);
    }

    @Test
    void aWrongContentTypeOnAnApiRouteIsAProblem() {
        var response = api.postRaw("/api/v1/accounts", "email=x", "application/x-www-form-urlencoded", null);
        assertProblem(response, 415, "unsupported-media-type", null);
    }

    @Test
    void anUnknownPageIsAReadablePage() {
        var page = browser.get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Not Found</h1>").contains("We could not find this page")
                .contains("href=\"/\"");
        assertThat(browser.get("/consultations/no-such-consultation").status()).isEqualTo(404);
        assertThat(browser.get("/processes/no-such-process").body()).contains("We could not find this page");
        assertThat(browser.get("/organizations/0000000000000000").status()).isEqualTo(404);
    }

    @Test
    void aBadPageNumberIsTheVisitorsMistakeNotOurs() {
        var page = browser.get("/dev/mailbox?page=-1");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("Something went wrong on our side");
        assertThat(browser.get("/dev/mailbox?page=abc").status()).isEqualTo(400);
    }
}

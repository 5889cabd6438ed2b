package org.polylogue.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every hostile input of the corpus in every user text field, then every page that shows those
 * fields is parsed as a browser would and searched for anything that could run or load: script
 * elements, event handler attributes, script URLs, frames, objects, base and refresh tags.
 */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class XssCorpusWebTest {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster",
            "xlink:href", "background", "cite", "srcset", "ping");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("iframe", "frame", "frameset", "object", "embed",
            "applet", "base", "svg", "math", "video", "audio", "marquee", "style", "noscript", "template");
    private static final Pattern MARKER = Pattern.compile("xss-(\\d\\d)");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    Fixtures fixtures;
    List<String> payloads;
    final Set<String> pages = new LinkedHashSet<>();
    final List<TestBrowser> signedIn = new ArrayList<>();
    final List<String> signedInPages = List.of("/account", "/me/contributions", "/account/tokens",
            "/account/sessions", "/account/passkeys");

    @BeforeAll
    void storeEveryPayloadInEveryField() throws IOException {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        payloads = corpus();
        String admin = fixtures.administrator();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        pages.add("/");
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String name = payload.length() > 100 ? payload.substring(0, 100) : payload;

            // a person whose display name is the payload, commenting for themselves and for their organisation
            String email = fixtures.person(name);
            String token = api.token(email, TestApi.PASSWORD);
            String organization = fixtures.organization(token, payload + " " + i, "CIVIL_SOCIETY", "FR");
            pages.add("/organizations/" + organization);

            // a process and a consultation titled with it, on a draft containing it where the draft format allows
            String processSlug = "xss-process-" + i;
            assertThat(api.post("/api/v1/processes", Map.of("slug", processSlug, "title", payload, "summary",
                    payload), admin).status()).isEqualTo(201);
            pages.add("/processes/" + processSlug);
            String draft = "# Draft " + i + "\n\n" + payload + "\n\nA second paragraph.\n";
            var consultation = api.post("/api/v1/processes/" + processSlug + "/consultations", Map.of("slug",
                    "xss-consultation-" + i, "title", payload, "opensAt", now.minusDays(1).toString(), "closesAt",
                    now.plusDays(5).toString(), "document", Map.of("format", "markdown", "text", draft)), admin);
            if (consultation.status() != 201) {
                // the draft parser refuses raw HTML; the title still has to be shown safely
                assertThat(consultation.status()).as(consultation.body()).isEqualTo(400);
                consultation = api.post("/api/v1/processes/" + processSlug + "/consultations", Map.of("slug",
                        "xss-consultation-" + i, "title", payload, "opensAt", now.minusDays(1).toString(), "closesAt",
                        now.plusDays(5).toString(), "document", Map.of("format", "markdown", "text", Fixtures.DRAFT)),
                        admin);
                assertThat(consultation.status()).as(consultation.body()).isEqualTo(201);
            }
            String slug = consultation.json().get("slug").asString();
            String paragraph = consultation.json().get("document").get("paragraphs").get(0).get("id").asString();
            fixtures.comment(token, slug, paragraph, payload);
            var forOrganization = api.post("/api/v1/consultations/" + slug + "/comments",
                    Map.of("body", payload, "organizationId", organization), token);
            assertThat(forOrganization.status()).as(forOrganization.body()).isEqualTo(201);
            pages.add("/consultations/" + slug);
            pages.add("/consultations/" + slug + "/paragraphs/" + paragraph);
            pages.add("/consultations/" + slug + "/document-comments");

            // the fields of trust: a pseudonym (every other person), an administrator's verification
            // reason, an accreditation statement and decision reason, a token's name
            if (i % 2 == 1) {
                var pseudonym = api.send("PUT", "/api/v1/accounts/me/pseudonym", TestApi.json(Map.of("pseudonym",
                        payload.length() > 60 ? payload.substring(0, 60) : payload)), token, "application/json", Map.of());
                assertThat(pseudonym.status()).as(pseudonym.body()).isIn(200, 400, 409);
            }
            var verified = api.post("/api/v1/organizations/" + organization + "/verification",
                    Map.of("reason", payload.length() > 500 ? payload.substring(0, 500) : payload), admin);
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            var request = api.post("/api/v1/processes/" + processSlug + "/accreditation/requests",
                    Map.of("organizationId", organization, "statement", payload), token);
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            var decision = api.post("/api/v1/processes/" + processSlug + "/accreditation/requests/"
                    + request.json().get("id").asString() + "/decision",
                    Map.of("decision", "NOT_ACCREDITED", "reason", payload), admin);
            assertThat(decision.status()).as(decision.body()).isIn(200, 201);
            pages.add("/processes/" + processSlug + "/accreditation");
            assertThat(api.post("/api/v1/accounts/me/tokens", Map.of("name", name), token).status()).isEqualTo(201);

            if (i % 11 == 0) {
                var browser = new TestBrowser(port);
                browser.signIn(email, TestApi.PASSWORD);
                signedIn.add(browser);
            }
        }
    }

    @Test
    void theCorpusHasAtLeastFiftyPayloads() {
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void everyPublicPageShowsThePayloadsAsInertText() {
        var shown = new java.util.TreeSet<String>();
        for (String path : pages) {
            var page = new TestBrowser(port).get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertInert(path, page.body(), shown);
        }
        assertThat(shown).as("the payloads were really shown (else the test proves nothing)")
                .hasSizeGreaterThanOrEqualTo(45);
    }

    @Test
    void everyPrivatePageShowsThePayloadsAsInertText() {
        var shown = new java.util.TreeSet<String>();
        for (TestBrowser browser : signedIn) {
            for (String path : signedInPages) {
                var page = browser.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertInert(path, page.body(), shown);
            }
        }
        assertThat(shown).isNotEmpty();
    }

    @Test
    void theCheckItselfCatchesEachPayloadWhenItIsNotEscaped() {
        int caught = 0;
        for (String payload : payloads) {
            try {
                assertInert("raw", "<html><body><p>" + payload + "</p><a href=\"" + payload + "\">x</a></body></html>",
                        new java.util.TreeSet<>());
            } catch (AssertionError expected) {
                caught++;
            }
        }
        assertThat(caught).as("payloads that would be active if a page printed them unescaped")
                .isGreaterThanOrEqualTo(35);
    }

    @Test
    void theApiReturnsJsonNeverHtml() {
        var processes = api.get("/api/v1/processes?size=100");
        assertThat(processes.contentType()).startsWith("application/json");
        assertThat(processes.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** Fails on anything in the page that a browser would run or load from an injected value. */
    public static void assertInert(String path, String html, Set<String> shown) {
        var document = Jsoup.parse(html);
        List<String> dangers = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            String tag = element.normalName();
            if (FORBIDDEN_ELEMENTS.contains(tag)) {
                dangers.add("<" + tag + "> element");
            }
            if (tag.equals("script") && (!element.attr("src").startsWith("/") || !element.data().isBlank())) {
                dangers.add("script: " + element.outerHtml());
            }
            if (tag.equals("link") && !element.attr("href").startsWith("/")) {
                dangers.add("link to " + element.attr("href"));
            }
            if (tag.equals("meta") && element.hasAttr("http-equiv")) {
                dangers.add("meta http-equiv");
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc") || key.equals("autofocus")) {
                    dangers.add("attribute " + key + " on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(key)) {
                    String url = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    if (url.startsWith("javascript:") || url.startsWith("vbscript:")
                            || (url.startsWith("data:") && !url.startsWith("data:image/"))) {
                        dangers.add(key + "=" + attribute.getValue() + " on <" + tag + ">");
                    }
                    if (url.startsWith("//") || url.startsWith("http://evil") || url.startsWith("https://evil")) {
                        if (!tag.equals("a")) {
                            dangers.add("external resource " + url + " on <" + tag + ">");
                        }
                    }
                }
            }
        }
        assertThat(dangers).as("active content in " + path).isEmpty();
        var matcher = MARKER.matcher(document.text());
        while (matcher.find()) {
            shown.add(matcher.group(1));
        }
    }

    public static List<String> corpus() throws IOException {
        try (InputStream in = XssCorpusWebTest.class.getResourceAsStream("/security/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}

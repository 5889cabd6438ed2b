package org.polylogue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Atom feeds, fetched over HTTP and parsed back with Rome: absolute links, newest first, public
 * names only, nothing hidden or drafted, script-like text inert, plain 404 for unknown ids.
 */
@PolylogueTest
class AtomFeedsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    final String orgName = "Digital Rights Collective " + UUID.randomUUID().toString().substring(0, 6);

    @Value("${polylogue.public-url}")
    String base;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    String slug;
    String ruleId;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        slug = fixtures.openConsultation(admin, process).get("slug").asString();
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "Be civil", "description", "No insults against people."), admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        ruleId = rule.json().get("id").asString();
    }

    @Test
    void newConsultationsNewestFirstAtMostFifty() {
        var first = fixtures.openConsultation(admin, process).get("slug").asString();
        for (int i = 0; i < 50; i++) {
            fixtures.openConsultation(admin, process);
        }
        var newest = fixtures.openConsultation(admin, process).get("slug").asString();

        var response = api.get("/feeds/consultations.atom");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        SyndFeed feed = parse(response.body());
        assertThat(feed.getTitle()).isEqualTo("New consultations · Polylogue");
        assertThat(alternate(feed)).isEqualTo(base + "/");
        assertThat(feed.getEntries()).hasSize(50);
        assertThat(feed.getEntries().getFirst().getLink()).isEqualTo(base + "/consultations/" + newest);
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).doesNotContain(base + "/consultations/"
                + first);
        assertAbsoluteAndNewestFirst(feed);
        assertThat(feed.getEntries().getFirst().getUri()).startsWith("tag:localhost,2026:consultation/");
        assertThat(names(feed.getEntries().getFirst())).containsExactly("Working group");
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getUpdatedDate()).isNotNull());
        // the same item keeps its id from one fetch to the next
        assertThat(parse(api.get("/feeds/consultations.atom").body()).getEntries().getFirst().getUri())
                .isEqualTo(feed.getEntries().getFirst().getUri());
    }

    @Test
    void newCommentsShowPseudonymsAndLeaveHiddenOnesOut() throws Exception {
        String realName = "Rita Realname";
        String pseudonymousEmail = fixtures.person(realName);
        String pseudonymous = api.token(pseudonymousEmail, TestApi.PASSWORD);
        String pseudonym = "Night Owl " + UUID.randomUUID().toString().substring(0, 6);
        var set = api.send("PUT", "/api/v1/accounts/me/pseudonym", TestApi.json(Map.of("pseudonym", pseudonym)),
                pseudonymous, "application/json", Map.of());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String representative = api.registerAndSignIn("Awa Ndiaye");
        String organization = fixtures.organization(representative, orgName, "CIVIL_SOCIETY",
                "SN");

        String older = fixtures.comment(pseudonymous, slug, null, "Critical infrastructure needs a definition.");
        Thread.sleep(5);
        String hidden = fixtures.comment(pseudonymous, slug, null, "Secret insult that the moderators hide.");
        Thread.sleep(5);
        var forOrganization = api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("body", "We support paragraph one.", "organizationId", organization), representative);
        assertThat(forOrganization.status()).as(forOrganization.body()).isEqualTo(201);
        Thread.sleep(5);
        String script = fixtures.comment(pseudonymous, slug, null,
                "Look: <script>alert('feed')</script> and <img src=x onerror=alert(1)>");
        var hide = api.post("/api/v1/moderation/comment/" + hidden + "/hide",
                Map.of("ruleId", ruleId, "reason", "Insults"), admin);
        assertThat(hide.status()).as(hide.body()).isEqualTo(201);

        var response = api.get("/feeds/consultations/" + slug + "/comments.atom");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(response.body()).doesNotContain("<script").doesNotContain("<img").doesNotContain(realName)
                .doesNotContain("Secret insult").doesNotContain(hidden);
        SyndFeed feed = parse(response.body());
        assertThat(feed.getTitle()).isEqualTo("Comments on Consultation on the draft report · Polylogue");
        assertThat(alternate(feed)).isEqualTo(base + "/consultations/" + slug);
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                base + "/consultations/" + slug + "/comments/" + script,
                base + "/consultations/" + slug + "/comments/" + forOrganization.json().get("id").asString(),
                base + "/consultations/" + slug + "/comments/" + older);
        assertAbsoluteAndNewestFirst(feed);
        assertThat(names(feed.getEntries().get(0))).containsExactly(pseudonym);
        assertThat(names(feed.getEntries().get(1))).containsExactly("Awa Ndiaye", orgName);
        assertThat(names(feed.getEntries().get(2))).containsExactly(pseudonym);
        assertThat(feed.getEntries().get(2).getContents().getFirst().getValue())
                .contains("Critical infrastructure needs a definition.");
        // the script comes back as inert text, never as markup
        String html = feed.getEntries().get(0).getContents().getFirst().getValue();
        assertThat(html).doesNotContain("<script").doesNotContain("<img");

        var unknown = api.get("/feeds/consultations/no-such-consultation/comments.atom");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/plain");
    }

    @Test
    void statementsOpenOrClosedWithoutDraftsOrHiddenOnes() throws Exception {
        String leadToken = api.registerAndSignIn("Awa Ndiaye");
        String lead = fixtures.organization(leadToken, orgName, "CIVIL_SOCIETY", "SN");
        fixtures.verifyOrganization(admin, lead);

        String draft = statement(leadToken, lead, "Still a draft");
        String closed = statement(leadToken, lead, "Closed statement");
        open(leadToken, closed);
        Thread.sleep(5);
        String hidden = statement(leadToken, lead, "Hidden statement");
        open(leadToken, hidden);
        Thread.sleep(5);
        String script = statement(leadToken, lead, "<script>alert('t')</script> Protect CERTs");
        open(leadToken, script);
        Thread.sleep(5);
        var close = api.post("/api/v1/statements/" + closed + "/signing/close", Map.of(), leadToken);
        assertThat(close.status()).as(close.body()).isEqualTo(200);
        var hide = api.post("/api/v1/moderation/statement/" + hidden + "/hide",
                Map.of("ruleId", ruleId, "reason", "Insults"), admin);
        assertThat(hide.status()).as(hide.body()).isEqualTo(201);

        var response = api.get("/feeds/statements.atom");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(response.body()).doesNotContain("<script").doesNotContain("Still a draft")
                .doesNotContain("Hidden statement").doesNotContain(draft).doesNotContain(hidden);
        SyndFeed feed = parse(response.body());
        assertThat(feed.getTitle()).isEqualTo("Joint statements · Polylogue");
        assertThat(alternate(feed)).isEqualTo(base + "/statements");
        // closing is the newest change, so the closed statement comes first
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                base + "/statements/" + closed, base + "/statements/" + script);
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Closed statement (Signing closed)", "<script>alert('t')</script> Protect CERTs (Open for signing)");
        assertAbsoluteAndNewestFirst(feed);
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(names(e)).containsExactly(orgName));
    }

    @Test
    void anOrganisationsContributionsWithoutHiddenOnes() throws Exception {
        String representative = api.registerAndSignIn("Awa Ndiaye");
        String organization = fixtures.organization(representative, orgName, "CIVIL_SOCIETY",
                "SN");
        String first = orgComment(representative, organization, "We support paragraph one.");
        Thread.sleep(5);
        String hidden = orgComment(representative, organization, "An insult the moderators hide.");
        Thread.sleep(5);
        String second = orgComment(representative, organization, "We also support <b>paragraph</b> two.");
        fixtures.comment(representative, slug, null, "Speaking for myself only.");
        var hide = api.post("/api/v1/moderation/comment/" + hidden + "/hide",
                Map.of("ruleId", ruleId, "reason", "Insults"), admin);
        assertThat(hide.status()).as(hide.body()).isEqualTo(201);

        var response = api.get("/feeds/organizations/" + organization + "/contributions.atom");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(response.body()).doesNotContain("An insult").doesNotContain("Speaking for myself")
                .doesNotContain("<b>");
        SyndFeed feed = parse(response.body());
        assertThat(feed.getTitle()).isEqualTo("Contributions of " + orgName + " · Polylogue");
        assertThat(alternate(feed)).isEqualTo(base + "/organizations/" + organization);
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                base + "/consultations/" + slug + "#comment-" + second,
                base + "/consultations/" + slug + "#comment-" + first);
        assertAbsoluteAndNewestFirst(feed);
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(names(e)).containsExactly(orgName));

        // the organisation page no longer shows the hidden comment either
        assertThat(api.get("/organizations/" + organization).body()).doesNotContain("An insult")
                .contains("/feeds/organizations/" + organization + "/contributions.atom");

        var unknown = api.get("/feeds/organizations/no-such-organisation/contributions.atom");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/plain");
    }

    @Test
    void pagesLinkTheirFeeds() {
        assertThat(api.get("/").body()).contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom feed\" href=\"/feeds/consultations.atom\">",
                ">Atom feed of new consultations</a>");
        assertThat(api.get("/statements").body()).contains("href=\"/feeds/statements.atom\"");
        assertThat(api.get("/consultations/" + slug).body())
                .contains("href=\"/feeds/consultations/" + slug + "/comments.atom\"");
    }

    private String orgComment(String token, String organization, String body) {
        var response = api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("body", body, "organizationId", organization), token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private String statement(String token, String organization, String title) {
        Map<String, String> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "We *support* the protection of CERTs.");
        body.put("organizationId", organization);
        body.put("consultationSlug", slug);
        var drafted = api.post("/api/v1/statements", body, token);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asString();
    }

    private void open(String token, String id) {
        var opened = api.post("/api/v1/statements/" + id + "/signing", Map.of(), token);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    private void assertAbsoluteAndNewestFirst(SyndFeed feed) {
        assertThat(feed.getLinks()).allSatisfy(link -> assertThat(link.getHref()).startsWith(base + "/"));
        var entries = feed.getEntries();
        assertThat(entries).allSatisfy(e -> assertThat(e.getLink()).startsWith(base + "/"));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i - 1).getUpdatedDate()).isAfterOrEqualTo(entries.get(i).getUpdatedDate());
        }
    }

    private static String alternate(SyndFeed feed) {
        return feed.getLinks().stream().filter(link -> "alternate".equals(link.getRel())).findFirst().orElseThrow()
                .getHref();
    }

    private static List<String> names(SyndEntry entry) {
        return entry.getAuthors().stream().map(SyndPerson::getName).toList();
    }

    private static SyndFeed parse(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("not a feed: " + xml, e);
        }
    }
}

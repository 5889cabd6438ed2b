package org.polylogue.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From report to hidden notice to log entry and review, through the API and the pages; and every
 * refusal: reporting twice, a moderator of another process, people without a role, bad input.
 */
@PolylogueTest
class ModerationWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Fixtures fixtures;
    String admin;
    String process;
    String slug;
    String authorEmail;
    String author;
    String reporter;
    String reporterEmail;
    String moderatorEmail;
    String moderator;
    String secretariat;
    String otherModerator;
    String commentId;
    String ruleId;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        slug = fixtures.openConsultation(admin, process).get("slug").asString();
        authorEmail = fixtures.person("Comment Author");
        author = api.token(authorEmail, TestApi.PASSWORD);
        reporterEmail = fixtures.person("Secret Reporter");
        reporter = api.token(reporterEmail, TestApi.PASSWORD);
        moderatorEmail = fixtures.person("Mia Moderator");
        moderator = api.token(moderatorEmail, TestApi.PASSWORD);
        String secretariatEmail = fixtures.person("Sam Secretariat");
        secretariat = api.token(secretariatEmail, TestApi.PASSWORD);
        appoint(process, moderatorEmail, "MODERATOR");
        appoint(process, secretariatEmail, "SECRETARIAT");
        String otherProcess = fixtures.process(admin);
        String otherEmail = fixtures.person("Otto Othermod");
        appoint(otherProcess, otherEmail, "MODERATOR");
        otherModerator = api.token(otherEmail, TestApi.PASSWORD);
        commentId = fixtures.comment(author, slug, null, "You are all idiots and this draft is garbage.");
        var rule = api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "Be civil", "description", "No insults against people."), secretariat);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(rule.json().get("number").asInt()).isEqualTo(1);
        ruleId = rule.json().get("id").asString();
    }

    private void appoint(String processSlug, String email, String role) {
        var appointed = api.post("/api/v1/processes/" + processSlug + "/roles", Map.of("email", email, "role", role),
                admin);
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
    }

    private TestApi.Response hide(String token, Map<String, ?> body) {
        return api.post("/api/v1/moderation/comment/" + commentId + "/hide", body, token);
    }

    private int hiddenRows() {
        return jdbc.sql("select count(*) from moderation_hidden where item_id = :id").param("id", commentId)
                .query(Integer.class).single();
    }

    @Test
    void fromReportToHiddenNoticeToLogEntryAndReview() {
        var report = api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason",
                "Insults other participants"), reporter);
        assertThat(report.status()).as(report.body()).isEqualTo(201);

        var queue = api.get("/api/v1/processes/" + process + "/moderation-queue", moderator);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json()).hasSize(1);
        assertThat(queue.json().get(0).get("reportCount").asInt()).isEqualTo(1);
        assertThat(queue.json().get(0).get("reasons").get(0).asString()).isEqualTo("Insults other participants");
        assertThat(queue.json().get(0).get("item").get("excerpt").asString()).contains("idiots");
        assertThat(queue.body()).doesNotContain("Secret Reporter").doesNotContain(reporterEmail);

        var hidden = hide(moderator, Map.of("ruleId", ruleId, "reason", "Insults people instead of the draft."));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
        assertThat(hidden.json().get("moderator").asString()).isEqualTo("Mia Moderator");

        // the API gives the notice instead of the text
        var comment = api.get("/api/v1/consultations/" + slug + "/comments/" + commentId);
        assertThat(comment.json().get("hidden").get("ruleTitle").asString()).isEqualTo("1. Be civil");
        assertThat(comment.json().get("hidden").get("reason").asString()).isEqualTo("Insults people instead of the draft.");
        assertThat(comment.json().get("body").isNull()).isTrue();
        assertThat(comment.json().get("bodyHtml").isNull()).isTrue();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments").body()).doesNotContain("idiots");
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments/" + commentId + "/revisions").json()).isEmpty();

        // every page shows the notice (the signed-out consultation page is rendered anew)
        var visitor = new TestBrowser(port);
        for (String path : List.of("/consultations/" + slug, "/consultations/" + slug + "/document-comments",
                "/consultations/" + slug + "/comments/" + commentId)) {
            var page = visitor.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("idiots").contains("Hidden by the moderators on")
                    .contains("1. Be civil").contains("Insults people instead of the draft.");
        }
        var authorBrowser = new TestBrowser(port);
        authorBrowser.signIn(authorEmail, TestApi.PASSWORD);
        assertThat(authorBrowser.get("/me/contributions").body()).contains("Hidden by the moderators")
                .contains("/moderation/comment/" + commentId + "/review-request").doesNotContain("idiots");
        TestApi.assertProblem(api.patch("/api/v1/consultations/" + slug + "/comments/" + commentId,
                Map.of("body", "Changed while hidden"), author), 409, "comment-hidden", null);

        // the author is told, with the rule, the reason and how to ask for a review
        String mail = fixtures.lastMailTo(authorEmail);
        assertThat(mail).contains("Be civil").contains("Insults people instead of the draft.")
                .contains("/moderation/comment/" + commentId + "/review-request");

        // the log is public, names the moderator and never the reporter
        var log = api.get("/api/v1/processes/" + process + "/moderation-log");
        assertThat(log.json().get("items")).hasSize(1);
        assertThat(log.json().get("items").get(0).get("action").asString()).isEqualTo("HIDDEN");
        assertThat(log.json().get("items").get(0).get("moderator").asString()).isEqualTo("Mia Moderator");
        assertThat(log.json().get("items").get(0).get("ruleTitle").asString()).isEqualTo("Be civil");
        var logPage = visitor.get("/processes/" + process + "/moderation");
        assertThat(logPage.body()).contains("Mia Moderator").contains("Insults people instead of the draft.")
                .contains("/consultations/" + slug + "/comments/" + commentId).doesNotContain("Secret Reporter")
                .doesNotContain("Insults other participants");
        assertThat(log.body()).doesNotContain("Secret Reporter").doesNotContain("Insults other participants");

        // the reports were closed; hiding again is a conflict
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-queue", moderator).json()).isEmpty();
        TestApi.assertProblem(hide(moderator, Map.of("ruleId", ruleId, "reason", "Again")), 409, "already-hidden",
                null);

        // the review: only the author asks, once; only moderators decide
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review-request",
                Map.of("statement", "Not mine to ask"), reporter), 403, "not-author", null);
        var asked = api.post("/api/v1/moderation/comment/" + commentId + "/review-request",
                Map.of("statement", "I was angry; it was about the draft."), author);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review-request",
                Map.of("statement", "Please, again"), author), 409, "review-already-requested", null);
        var waiting = api.get("/api/v1/processes/" + process + "/moderation-queue", secretariat);
        assertThat(waiting.json().get(0).get("review").get("statement").asString())
                .isEqualTo("I was angry; it was about the draft.");
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review",
                Map.of("decision", "RESTORE", "reason", "Fine"), author), 403, "not-moderator", null);
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review",
                Map.of("decision", "RESTORE", "reason", "Fine"), otherModerator), 403, "not-moderator", null);
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review",
                Map.of("decision", "MAYBE", "reason", "Fine"), secretariat), 400, "invalid-input", "decision");
        var restored = api.post("/api/v1/moderation/comment/" + commentId + "/review",
                Map.of("decision", "RESTORE", "reason", "Harsh but about the draft."), secretariat);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments/" + commentId).json().get("body").asString())
                .contains("idiots");
        assertThat(visitor.get("/consultations/" + slug).body()).contains("idiots").doesNotContain("Hidden by the");
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review",
                Map.of("decision", "KEEP", "reason", "Twice"), secretariat), 409, "no-review-requested", null);

        var actions = api.get("/api/v1/processes/" + process + "/moderation-log").json().get("items");
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0).get("action").asString()).isEqualTo("RESTORED");
        assertThat(actions.get(0).get("moderator").asString()).isEqualTo("Sam Secretariat");
        assertThat(actions.get(1).get("action").asString()).isEqualTo("REVIEW_REQUESTED");
        assertThat(actions.get(1).get("moderator").isNull()).isTrue();
        assertThat(fixtures.lastMailTo(authorEmail)).contains("show it again");
    }

    @Test
    void reportingTwiceUnknownItemsAndBadReasonsAreRefused() {
        var first = api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason", "Rude"), reporter);
        assertThat(first.status()).isEqualTo(201);
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason",
                "Rude again"), reporter), 409, "already-reported", null);
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "poem", "id", commentId, "reason", "x"),
                reporter), 404, "item-not-found", null);
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "comment", "id", "nope", "reason", "x"),
                reporter), 404, "item-not-found", null);
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason", " "),
                author), 400, "invalid-input", "reason");
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason",
                "x".repeat(1001)), author), 400, "invalid-input", "reason");
        TestApi.assertProblem(api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason", "x"),
                null), 401, "unauthenticated", null);
        assertThat(jdbc.sql("select count(*) from moderation_report where item_id = :id").param("id", commentId)
                .query(Integer.class).single()).isEqualTo(1);

        // the page works without JavaScript and keeps the text on refusal
        var browser = new TestBrowser(port);
        browser.signIn(reporterEmail, TestApi.PASSWORD);
        var form = browser.get("/report?kind=comment&id=" + commentId);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"reason\"");
        var again = browser.post("/report", Map.of("kind", "comment", "id", commentId, "reason", "Once more"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already reported").contains("Once more");
        var other = new TestBrowser(port);
        other.signIn(authorEmail, TestApi.PASSWORD);
        var sent = other.post("/report", Map.of("kind", "comment", "id", commentId, "reason", "Spam"));
        assertThat(sent.redirectsTo("/report?kind=comment")).isTrue();
        assertThat(other.get(sent.location().replaceFirst("^https?://[^/]+", "")).body()).contains("Thank you");
    }

    @Test
    void onlyModeratorsOfTheProcessActAndRefusalsChangeNothing() {
        api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason", "Rude"), reporter);
        var body = Map.of("ruleId", ruleId, "reason", "Insults");
        TestApi.assertProblem(hide(otherModerator, body), 403, "not-moderator", null);
        TestApi.assertProblem(hide(reporter, body), 403, "not-moderator", null);
        TestApi.assertProblem(hide(author, body), 403, "not-moderator", null);
        TestApi.assertProblem(hide(null, body), 401, "unauthenticated", null);
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/dismiss",
                Map.of("reason", "Fine"), otherModerator), 403, "not-moderator", null);
        TestApi.assertProblem(api.get("/api/v1/processes/" + process + "/moderation-queue", otherModerator), 403,
                "not-moderator", null);
        TestApi.assertProblem(api.get("/api/v1/processes/" + process + "/moderation-queue", reporter), 403,
                "not-moderator", null);
        TestApi.assertProblem(api.post("/api/v1/processes/" + process + "/moderation-rules",
                Map.of("title", "Mine", "description", "x"), moderator), 403, "not-secretariat", null);
        var otherBrowser = new TestBrowser(port);
        otherBrowser.signIn(moderatorEmail, TestApi.PASSWORD);
        assertThat(otherBrowser.get("/processes/" + process + "/moderation/queue").status()).isEqualTo(200);

        // bad input from a real moderator
        TestApi.assertProblem(hide(moderator, Map.of("ruleId", ruleId, "reason", "")), 400, "invalid-input", "reason");
        TestApi.assertProblem(hide(moderator, Map.of("reason", "Insults")), 400, "invalid-input", "ruleId");
        TestApi.assertProblem(hide(moderator, Map.of("ruleId", "no-such-rule", "reason", "Insults")), 400,
                "invalid-input", "ruleId");
        var otherRule = api.post("/api/v1/moderation-rules", Map.of("title", "Platform", "description", "x"), admin);
        TestApi.assertProblem(hide(moderator, Map.of("ruleId", otherRule.json().get("id").asString(), "reason", "x")),
                400, "invalid-input", "ruleId");
        var retired = api.post("/api/v1/processes/" + process + "/moderation-rules/" + ruleId + "/retirement", null,
                secretariat);
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        TestApi.assertProblem(hide(moderator, Map.of("ruleId", ruleId, "reason", "Insults")), 400, "invalid-input",
                "ruleId");
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/nope/hide", body, moderator), 404,
                "item-not-found", null);
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/review-request",
                Map.of("statement", "Not hidden"), author), 409, "not-hidden", null);

        // nothing changed: not hidden, no log entry, the report still open
        assertThat(hiddenRows()).isZero();
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-log").json().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-queue", moderator).json()).hasSize(1);
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments/" + commentId).json().get("body").asString())
                .contains("idiots");
        // the retired rule stays listed
        var rules = api.get("/api/v1/processes/" + process + "/moderation-rules").json();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("retiredAt").isNull()).isFalse();

        // the moderator dismisses the report with a public reason
        var dismissed = api.post("/api/v1/moderation/comment/" + commentId + "/dismiss",
                Map.of("reason", "Strong words about the draft are allowed."), moderator);
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-queue", moderator).json()).isEmpty();
        TestApi.assertProblem(api.post("/api/v1/moderation/comment/" + commentId + "/dismiss",
                Map.of("reason", "Again"), moderator), 409, "nothing-to-dismiss", null);
    }

    @Test
    void theHidingFormOnTheQueuePageWorksWithoutJavaScriptAndKeepsWhatWasTyped() {
        api.post("/api/v1/reports", Map.of("kind", "comment", "id", commentId, "reason", "Rude"), reporter);
        var browser = new TestBrowser(port);
        browser.signIn(moderatorEmail, TestApi.PASSWORD);
        var queue = browser.get("/processes/" + process + "/moderation/queue");
        assertThat(queue.body()).contains("idiots").contains("Rude").contains("1. Be civil");
        var refused = browser.post("/moderation/comment/" + commentId + "/hide", Map.of("ruleId", "", "reason",
                "Typed reason"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Typed reason").contains("rule-comment-" + commentId + "-error");
        var done = browser.post("/moderation/comment/" + commentId + "/hide", Map.of("ruleId", ruleId, "reason",
                "Insults"));
        assertThat(done.redirectsTo("/processes/" + process + "/moderation/queue")).isTrue();
        assertThat(hiddenRows()).isEqualTo(1);
        var stranger = new TestBrowser(port);
        stranger.signIn(reporterEmail, TestApi.PASSWORD);
        assertThat(stranger.get("/processes/" + process + "/moderation/queue").status()).isEqualTo(403);
    }

    @Test
    void administratorsPublishThePlatformRulesAndOnlyTheyModerateOutsideProcesses() {
        var rule = api.post("/api/v1/moderation-rules", Map.of("title", "No spam anywhere", "description",
                "Adverts are hidden."), admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        TestApi.assertProblem(api.post("/api/v1/moderation-rules", Map.of("title", "Mine", "description", "x"),
                secretariat), 403, "not-secretariat", null);
        assertThat(api.get("/api/v1/moderation-rules").body()).contains("No spam anywhere");
        TestApi.assertProblem(api.get("/api/v1/moderation-queue", moderator), 403, "not-moderator", null);
        assertThat(api.get("/api/v1/moderation-queue", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/moderation-log").status()).isEqualTo(200);
        var page = new TestBrowser(port).get("/moderation");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Moderation outside any process").contains("No spam anywhere");
        // a process's rules are not the platform's, and the other way round
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-rules").body())
                .doesNotContain("No spam anywhere");
        var retired = api.post("/api/v1/moderation-rules/" + rule.json().get("id").asString() + "/retirement", null,
                admin);
        assertThat(retired.status()).isEqualTo(200);
        TestApi.assertProblem(api.post("/api/v1/moderation-rules/" + rule.json().get("id").asString()
                + "/retirement", null, admin), 409, "rule-retired", null);
        TestApi.assertProblem(api.post("/api/v1/processes/" + process + "/moderation-rules/"
                + rule.json().get("id").asString() + "/retirement", null, secretariat), 404, "rule-not-found", null);
    }

    @Test
    void theSpamGuardRefusesManyLinksAndFlagsIdenticalPostsByThreeAccounts() {
        String links = "See " + "https://example.org/a ".repeat(11);
        TestApi.assertProblem(api.post("/api/v1/consultations/" + slug + "/comments", Map.of("body", links), author),
                400, "invalid-input", "body");
        assertThat(api.post("/api/v1/consultations/" + slug + "/comments",
                Map.of("body", "See " + "https://example.org/a ".repeat(10)), author).status()).isEqualTo(201);

        String spam = "Buy cheap certificates at our shop now!";
        fixtures.comment(author, slug, null, spam);
        fixtures.comment(reporter, slug, null, "buy CHEAP certificates, at our shop now");
        assertThat(api.get("/api/v1/processes/" + process + "/moderation-queue", moderator).json()).isEmpty();
        String third = fixtures.comment(moderator, slug, null, "Buy  cheap certificates at our shop NOW");
        var queue = api.get("/api/v1/processes/" + process + "/moderation-queue", moderator).json();
        assertThat(queue).hasSize(3);
        assertThat(queue.get(0).get("flags").get(0).asString()).contains("3 different accounts");
        assertThat(queue.get(0).get("reportCount").asInt()).isZero();
        // flagged, never hidden automatically
        assertThat(jdbc.sql("select count(*) from moderation_hidden where item_id = :id").param("id", third)
                .query(Integer.class).single()).isZero();
        assertThat(api.get("/api/v1/consultations/" + slug + "/comments/" + third).json().get("body").asString())
                .contains("certificates");
    }
}

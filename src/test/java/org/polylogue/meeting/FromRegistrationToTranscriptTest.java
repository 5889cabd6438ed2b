package org.polylogue.meeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.transcript.TranscriptFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole life of a meeting in Chromium: a delegate registers her ministry, the meeting takes place,
 * the secretariat pastes the transcript and confirms who KENYA is, and a reader goes from the meeting
 * page to the transcript and reads only Kenya's turns.
 */
@PolylogueTest
class FromRegistrationToTranscriptTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    TestApi api;
    BrowserContext context;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aDelegateRegistersTheMeetingTakesPlaceAndAReaderFiltersTheTranscriptByHerMinistry() {
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        String secretariatEmail = fixtures.person("Story Secretariat");
        api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role", "SECRETARIAT"),
                admin);
        String secretariat = api.token(secretariatEmail, TestApi.PASSWORD);
        String slug = new MeetingFixtures(api).meeting(secretariat, process, 24, null).get("slug").asString();
        String delegateEmail = fixtures.person("Wanjiru Mwangi");
        String delegate = api.token(delegateEmail, TestApi.PASSWORD);
        fixtures.verifyOrganization(admin, fixtures.organization(delegate, "Ministry of Foreign Affairs of Kenya",
                "MEMBER_STATE", "KE"));

        // the delegate registers her ministry while the meeting is ahead
        Page page = context.newPage();
        signIn(page, delegateEmail);
        page.navigate("/meetings/" + slug);
        page.getByLabel("Attending for").selectOption("Ministry of Foreign Affairs of Kenya");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are registered");
        checkAccessibility(page);
        screenshot(page, "story-meeting-registered");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        // the meeting takes place: the secretariat moves it to the date it was held
        var held = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0);
        var moved = api.patch("/api/v1/meetings/" + slug,
                Map.of("startsAt", held.toString(), "endsAt", held.plusHours(2).toString()), secretariat);
        org.assertj.core.api.Assertions.assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        // the secretariat pastes the transcript and confirms that KENYA is the ministry
        signIn(page, secretariatEmail);
        page.navigate("/meetings/" + slug + "/transcript/import");
        page.getByLabel("Transcript text").fill(TranscriptFixtures.resource("roundtable-poa.txt"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page).hasURL(Pattern.compile("/transcript/speakers$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("12 turns");
        var kenya = page.locator("li.speaker-link", new Page.LocatorOptions().setHasText("KENYA ·"));
        // her registration makes her a suggestion for the label
        kenya.getByLabel(Pattern.compile("Wanjiru Mwangi of Ministry of Foreign Affairs of Kenya \\(registered "
                + "participant\\)")).check();
        kenya.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("“KENYA” is linked");
        checkAccessibility(page);
        screenshot(page, "story-transcript-speaker-linked");

        // a reader, not signed in, goes from the meeting page to Kenya's turns
        Page reader = browser.newContext(api.base()).newPage();
        reader.navigate("/meetings/" + slug);
        assertThat(reader.locator("section:has(#participants-heading)")).containsText("Wanjiru Mwangi");
        reader.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(Pattern.compile("^The transcript by turn"))).click();
        assertThat(reader).hasURL(Pattern.compile("/meetings/" + slug + "/transcript$"));
        assertThat(reader.locator("li.turn")).hasCount(12);
        reader.getByLabel("Speaker").selectOption("KENYA");
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(reader).hasURL(Pattern.compile("speaker=KENYA"));
        assertThat(reader.locator("li.turn")).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(reader.locator("li.turn").nth(i)).containsText("KENYA");
            assertThat(reader.locator("li.turn").nth(i)).containsText("Wanjiru Mwangi");
            assertThat(reader.locator("li.turn").nth(i)).containsText("Ministry of Foreign Affairs of Kenya");
        }
        checkAccessibility(reader);
        screenshot(reader, "story-transcript-kenya");
        reader.context().close();
    }

    private static void signIn(Page page, String email) {
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }
}

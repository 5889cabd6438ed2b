package org.polylogue.transcript;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polylogue.Browser;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the secretariat pastes a transcript with a mistake, reads the report, corrects it and
 * imports it, confirms that KENYA is the Kenyan ministry, and a reader filters the transcript by KENYA.
 */
@PolylogueTest
class SecretariatImportsTranscriptAndReadersFilterBySpeakerTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    TranscriptFixtures f;
    BrowserContext context;

    @BeforeEach
    void setUp() {
        f = new TranscriptFixtures(port, accounts, meetings);
        String rep = f.api.registerAndSignIn("Kenyan Delegate");
        f.fixtures.verifyOrganization(f.admin, f.fixtures.organization(rep, "Ministry of Foreign Affairs of Kenya",
                "MEMBER_STATE", "KE"));
        context = browser.newContext(f.api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theSecretariatImportsConfirmsASpeakerAndAReaderFiltersByIt() {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(f.secretariatEmail);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        page.navigate("/meetings/" + f.meeting + "/transcript");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import the transcript")).click();
        String good = TranscriptFixtures.resource("roundtable-poa.txt");
        String bad = good.replace(">> MODERATOR: Thank you all.",
                ">> THANK YOU ALL AND WE WILL NOW CLOSE THIS ROUNDTABLE ON THE PROGRAMME: Thank you all.");
        page.getByLabel("Transcript text").fill(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("#transcript-report")).containsText("whole sentence");
        assertThat(page.getByLabel("Transcript text")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Transcript text")).hasValue(Pattern.compile("THANK YOU ALL AND WE WILL"));
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "transcript-import-refused");

        page.getByLabel("Transcript text").fill(good);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page).hasURL(Pattern.compile("/transcript/speakers$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("12 turns");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "transcript-speakers");

        var kenya = page.locator("li.speaker-link", new Page.LocatorOptions().setHasText("KENYA ·"));
        kenya.getByLabel(Pattern.compile("Ministry of Foreign Affairs of Kenya")).first().check();
        kenya.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("“KENYA” is linked");

        Page reader = browser.newContext(f.api.base()).newPage();
        reader.navigate("/meetings/" + f.meeting + "/transcript");
        assertThat(reader.locator(".transcript-status")).containsText("not an authoritative record");
        checkAccessibility(reader);
        screenshot(reader, "transcript-all");
        reader.getByLabel("Speaker").selectOption("KENYA");
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(reader).hasURL(Pattern.compile("speaker=KENYA"));
        assertThat(reader.locator("li.turn")).hasCount(2);
        assertThat(reader.locator("#turn-2")).containsText("Ministry of Foreign Affairs of Kenya");
        assertThat(reader.locator("#turn-2")).containsText("Member state");
        checkAccessibility(reader);
        checkUniqueIds(reader);
        screenshot(reader, "transcript-kenya");
    }
}

package org.polylogue.submission;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.polylogue.Browser.checkAccessibility;
import static org.polylogue.Browser.checkUniqueIds;
import static org.polylogue.Browser.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: a person uploads a PDF to an open consultation, sees it listed, opens its page with
 * the extracted text and downloads the original; a wrong file comes back with the title and summary
 * kept. Pages pass axe-core and are photographed under target/screenshots.
 */
@PolylogueTest
class SubmissionBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    BrowserContext context;
    String slug;
    String email;

    @BeforeEach
    void setUp() {
        var api = new TestApi(port);
        var fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        slug = fixtures.openConsultation(admin, fixtures.process(admin)).get("slug").asString();
        email = fixtures.person("Browser Submitter");
        context = browser.newContext(api.base());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aPersonUploadsAPdfSeesItListedReadsItsTextAndDownloadsIt() throws Exception {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        page.navigate("/consultations/" + slug);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("read the written submissions"))).click();
        assertThat(page).hasURL(Pattern.compile("/consultations/" + slug + "/submissions$"));
        checkAccessibility(page);
        screenshot(page, "submissions-empty");

        // an executable named .pdf: refused, the typed text kept, the error at the file field
        page.getByLabel("Title").fill("Our position on the zero draft");
        page.getByLabel("Summary").fill("Open sessions, published accreditation criteria, capacity-building.");
        page.getByLabel("File").setInputFiles(new FilePayload("paper.pdf", "application/pdf",
                SubmissionFiles.executable()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload submission")).click();
        assertThat(page.getByText("Your submission was not accepted.")).isVisible();
        assertThat(page.getByLabel("Title")).hasValue("Our position on the zero draft");
        assertThat(page.getByLabel("File")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#file-error")).containsText("not a PDF, DOCX, ODT or plain text file");
        assertThat(page.locator("#file-error")).containsText("choose a file again");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "submission-refused");

        page.getByLabel("File").setInputFiles(new FilePayload("position paper.pdf", "application/pdf",
                SubmissionFiles.pdf("The permanent mechanism should hold an open session every year.",
                        "Civil society organisations should be consulted before any new norm is adopted.",
                        "Accreditation should follow published criteria and a time limit.")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload submission")).click();
        assertThat(page).hasURL(Pattern.compile("/submissions/[^/]+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Our position on the zero draft")))
                .isVisible();
        assertThat(page.locator(".extracted-text")).containsText("open session every year");
        assertThat(page.locator("dl.facts")).containsText("English");
        checkAccessibility(page);
        checkUniqueIds(page);
        screenshot(page, "submission-page");

        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(Pattern.compile("Download position paper.pdf"))).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("position paper.pdf");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).startsWith(
                "%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Written submissions")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Our position on the zero draft")))
                .isVisible();
        checkAccessibility(page);
        screenshot(page, "submissions-list");
    }
}

package org.polylogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright for browser tests: started once per test class, with an
 * accessibility check (axe-core, WCAG 2.2 AA) and full-page screenshots. Register it in a test
 * class with {@code @RegisterExtension static final Browser browser = new Browser();}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    /** The WCAG levels every page must meet. */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create();
        chromium = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh context (its own cookies, so signed out) with a desktop-sized window. */
    public BrowserContext newContext(String baseUrl) {
        return newContext(baseUrl, 1280, 900);
    }

    /** A fresh context (its own cookies, so signed out) with a window of the given size in CSS pixels. */
    public BrowserContext newContext(String baseUrl, int width, int height) {
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Fails listing every WCAG 2.2 AA violation axe-core finds on the page as it is now (id, impact, targets). */
    public static void checkAccessibility(Page page) {
        var results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        assertThat(results.getErrorMessage()).as("axe-core error on %s", page.url()).isNull();
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", page.url()).isNotEmpty();
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().map(node -> "    " + node.getTarget())
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("accessibility violations on %s:%n%s", page.url(), report).isEmpty();
    }

    /** Fails when two elements of the page share an id. */
    public static void checkUniqueIds(Page page) {
        @SuppressWarnings("unchecked")
        List<String> duplicates = (List<String>) page.evaluate("""
                () => {
                  const seen = new Set(), dup = new Set();
                  for (const e of document.querySelectorAll('[id]')) { (seen.has(e.id) ? dup : seen).add(e.id); }
                  return [...dup];
                }""");
        assertThat(duplicates).as("duplicate ids on %s", page.url()).isEmpty();
    }

    /** Saves a full-page PNG as {@code name}.png under the {@code polylogue.screenshots} directory. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of(System.getProperty("polylogue.screenshots", "target/screenshots"), name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}

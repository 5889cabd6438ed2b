package org.polylogue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for page tests: keeps cookies (the session), does not follow
 * redirects by itself, and sends back the CSRF token of the last page it read, as a form would.
 */
public final class TestBrowser {

    /** A page as received: status, HTML and the redirect target, if any. */
    public record Page(int status, String contentType, String body, String location) {

        public boolean redirectsTo(String prefix) {
            return status == 302 && location != null && location.replaceFirst("^https?://[^/]+", "").startsWith(prefix);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;
    private String userAgent;

    public TestBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Sends this User-Agent header from now on, as a named browser would. */
    public TestBrowser userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** The value of a cookie this browser holds (e.g. "SESSION"), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Opens a page, as following a link does. */
    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** Opens a page and follows redirects to their end. */
    public Page open(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.status() == 302; i++) {
            page = get(page.location().replaceFirst("^https?://[^/]+", ""));
        }
        return page;
    }

    /** Submits a form with the CSRF token of the last page read. */
    public Page post(String path, Map<String, String> fields) {
        if (csrf == null) {
            throw new IllegalStateException("Read a page with a form before posting");
        }
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return postWithoutCsrf(path, all);
    }

    /** Submits a form as a forged request from another site would: without the CSRF token. */
    public Page postWithoutCsrf(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Signs in through the sign-in form; fails the test if the form refuses. */
    public void signIn(String email, String password) {
        get("/sign-in");
        Page page = post("/sign-in", Map.of("email", email, "password", password));
        if (page.status() != 302 || page.location().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + page.status() + " " + page.location());
        }
        get("/");
    }

    private Page remember(Page page) {
        var matcher = CSRF.matcher(page.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return page;
    }

    private Page send(HttpRequest.Builder builder) {
        builder.header("Accept", "text/html,application/xhtml+xml");
        if (userAgent != null) {
            builder.header("User-Agent", userAgent);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

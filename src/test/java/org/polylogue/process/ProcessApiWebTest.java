package org.polylogue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class ProcessApiWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    TestApi api;
    Fixtures fixtures;
    String admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
    }

    @Test
    void anAdministratorCreatesAProcessThatAnyoneCanRead() {
        var created = api.post("/api/v1/processes", Map.of("slug", "oewg-2026", "title", " Working group ", "summary",
                "Open to all."), admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/processes/oewg-2026");
        assertThat(created.json().get("title").asString()).isEqualTo("Working group");
        assertThat(created.json().get("consultations")).isEmpty();

        var found = api.get("/api/v1/processes/oewg-2026");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("summary").asString()).isEqualTo("Open to all.");
        fixtures.openConsultation(admin, "oewg-2026");
        var consultations = api.get("/api/v1/processes/oewg-2026").json().get("consultations");
        assertThat(consultations).hasSize(1);
        assertThat(consultations.get(0).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void processesAreListedInPages() {
        fixtures.process(admin);
        fixtures.process(admin);
        fixtures.process(admin);
        var first = api.get("/api/v1/processes?size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.json().get("page").asInt()).isZero();
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        var last = api.get("/api/v1/processes?size=2&page=" + ((first.json().get("total").asLong() - 1) / 2));
        assertThat(last.json().get("items")).isNotEmpty();
        assertProblem(api.get("/api/v1/processes?size=0"), 400, "invalid-input", "size");
        assertProblem(api.get("/api/v1/processes?page=x"), 400, "invalid-input", "page");
    }

    @Test
    void onlyAdministratorsCreateProcesses() {
        String person = api.registerAndSignIn("Ordinary Person");
        assertProblem(api.post("/api/v1/processes", Map.of("slug", "mine", "title", "Mine"), person), 403,
                "not-administrator", null);
        assertProblem(api.post("/api/v1/processes", Map.of("slug", "mine", "title", "Mine"), null), 401,
                "unauthenticated", null);
        assertThat(api.get("/api/v1/processes/mine").status()).isEqualTo(404);
    }

    @Test
    void slugsAreUniqueAndWellFormed() {
        fixtures.process(admin);
        assertThat(api.post("/api/v1/processes", Map.of("slug", "taken", "title", "First"), admin).status())
                .isEqualTo(201);
        assertProblem(api.post("/api/v1/processes", Map.of("slug", "taken", "title", "Second"), admin), 409,
                "duplicate-slug", "slug");
        for (String bad : new String[] {"Upper", "with space", "-leading", "trailing-", "a".repeat(65), "ünï", ""}) {
            assertProblem(api.post("/api/v1/processes", Map.of("slug", bad, "title", "Bad"), admin), 400,
                    "invalid-input", "slug");
        }
        assertProblem(api.post("/api/v1/processes", Map.of("slug", "no-title"), admin), 400, "invalid-input", "title");
        assertThat(api.get("/api/v1/processes/taken").json().get("title").asString()).isEqualTo("First");
    }

    @Test
    void aSlugThatAFixedAddressTakesIsRefusedAndNothingIsCreated() {
        for (String reserved : ReservedProcessSlugs.SLUGS) {
            var refused = api.post("/api/v1/processes", Map.of("slug", reserved, "title", "Shadowed"), admin);
            assertProblem(refused, 422, "reserved-slug", "slug");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("reserved");
        }
        assertThat(api.get("/api/v1/processes/all").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/processes?size=500").body()).doesNotContain("Shadowed");
        // the whole platform's export is still the whole platform, not a process called "all"
        assertThat(api.get("/api/v1/exports/all.zip").status()).isEqualTo(200);
        // similar slugs stay allowed
        assertThat(api.post("/api/v1/processes", Map.of("slug", "all-regions", "title", "Fine"), admin).status())
                .isEqualTo(201);
        // a non-administrator learns nothing beyond 403
        String person = api.registerAndSignIn("Ordinary Person");
        assertProblem(api.post("/api/v1/processes", Map.of("slug", "all", "title", "Mine"), person), 403,
                "not-administrator", null);
    }

    /**
     * Every fixed path segment that stands where a process slug goes ({@code /api/v1/exports/all.zip}
     * beside {@code /api/v1/exports/{process}.zip}) must be reserved; consultation addresses must have
     * no such fixed segment at all, since consultation slugs reserve nothing.
     */
    @Test
    void everyFixedAddressBesideAProcessSlugIsReserved() {
        var patterns = handlerMapping.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()).toList();
        var processPlaces = java.util.List.of("/processes/{slug}", "/api/v1/processes/{slug}",
                "/api/v1/processes/{process}", "/api/v1/exports/{process}", "/feeds/processes/{slug}");
        var consultationPlaces = java.util.List.of("/consultations/{slug}", "/api/v1/consultations/{slug}",
                "/feeds/consultations/{slug}");
        var clashes = new java.util.TreeSet<String>();
        for (String pattern : patterns) {
            for (String place : processPlaces) {
                String literal = literalAt(pattern, place);
                if (literal != null && !ReservedProcessSlugs.isReserved(literal)) {
                    clashes.add(pattern + " takes the process slug '" + literal + "'");
                }
            }
            for (String place : consultationPlaces) {
                String literal = literalAt(pattern, place);
                if (literal != null) {
                    clashes.add(pattern + " takes the consultation slug '" + literal + "'");
                }
            }
        }
        assertThat(clashes).as("fixed routes that shadow a slug; reserve them in ReservedProcessSlugs").isEmpty();
        assertThat(ReservedProcessSlugs.SLUGS).contains("all", "new");
    }

    /** The fixed segment of {@code pattern} where {@code place} has its variable, less the same suffix. */
    private static String literalAt(String pattern, String place) {
        String prefix = place.substring(0, place.lastIndexOf('/') + 1);
        if (!pattern.startsWith(prefix)) {
            return null;
        }
        String segment = pattern.substring(prefix.length()).split("/", 2)[0];
        if (segment.isEmpty() || segment.contains("{")) {
            return null;
        }
        // "{process}.zip" beside "all.zip": the slug part is "all"
        String base = segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment;
        return base.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?") ? base : null;
    }

    @Test
    void anUnknownProcessIsNotFound() {
        assertProblem(api.get("/api/v1/processes/no-such-process"), 404, "process-not-found", null);
    }
}

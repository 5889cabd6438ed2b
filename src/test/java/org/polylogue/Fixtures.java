package org.polylogue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.polylogue.account.Accounts;
import tools.jackson.databind.JsonNode;

/** Builds the usual starting points of a test through the real API. */
public final class Fixtures {

    public static final String DRAFT = """
            # Draft report

            ## Introduction

            States recall the framework of responsible behaviour.

            States welcome the participation of stakeholders.

            ## Norms

            States should not conduct or knowingly support activity that damages critical infrastructure.

            - States should protect computer emergency response teams.
            - States should report vulnerabilities responsibly.
            """;

    private final TestApi api;
    private final Accounts accounts;

    public Fixtures(TestApi api, Accounts accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    /** A token of a platform administrator (created if needed). */
    public String administrator() {
        accounts.ensureAdministrator("admin@example.org", "administrator password");
        return api.token("admin@example.org", "administrator password");
    }

    /** Creates a process and returns its slug. */
    public String process(String adminToken) {
        String slug = "process-" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.post("/api/v1/processes", Map.of("slug", slug, "title", "Working group", "summary",
                "A test process"), adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return slug;
    }

    /** Opens a consultation on {@link #DRAFT} with a window around now and returns its JSON. */
    public JsonNode openConsultation(String adminToken, String processSlug) {
        String slug = "consultation-" + UUID.randomUUID().toString().substring(0, 8);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var response = api.post("/api/v1/processes/" + processSlug + "/consultations", Map.of("slug", slug, "title",
                "Consultation on the draft report", "opensAt", now.minusDays(1).toString(), "closesAt",
                now.plusDays(10).toString(), "document", Map.of("format", "markdown", "text", DRAFT)), adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }

    /** Creates an organisation represented by the token's person and returns its id. */
    public String organization(String token, String name, String type, String country) {
        var response = api.post("/api/v1/organizations", Map.of("name", name, "type", type, "country", country), token);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json().get("id").asString();
    }
}

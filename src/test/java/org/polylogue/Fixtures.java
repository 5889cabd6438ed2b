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
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        return consultation(adminToken, processSlug, now.minusDays(1), now.plusDays(10), DRAFT);
    }

    /** Creates a consultation with the given window and draft and returns its JSON. */
    public JsonNode consultation(String adminToken, String processSlug, OffsetDateTime opensAt, OffsetDateTime closesAt,
            String markdown) {
        String slug = "consultation-" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.post("/api/v1/processes/" + processSlug + "/consultations", Map.of("slug", slug, "title",
                "Consultation on the draft report", "opensAt", opensAt.toString(), "closesAt", closesAt.toString(),
                "document", Map.of("format", "markdown", "text", markdown)), adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }

    /**
     * Registers a person through the API, confirms their email with the link from the mail, and
     * returns their email; the password is {@link TestApi#PASSWORD}.
     */
    public String person(String displayName) {
        String email = unconfirmedPerson(displayName);
        api.confirmEmail(email);
        return email;
    }

    /** Registers a person who has not opened the verification mail yet. */
    public String unconfirmedPerson(String displayName) {
        String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var registered = api.post("/api/v1/accounts", Map.of("email", email, "password", TestApi.PASSWORD,
                "displayName", displayName), null);
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.body());
        }
        return email;
    }

    /** Comments through the API (paragraphId null: on the whole document) and returns the comment's id. */
    public String comment(String token, String consultationSlug, String paragraphId, String body) {
        var request = new java.util.HashMap<String, String>();
        request.put("body", body);
        if (paragraphId != null) {
            request.put("paragraphId", paragraphId);
        }
        var response = api.post("/api/v1/consultations/" + consultationSlug + "/comments", request, token);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json().get("id").asString();
    }

    /** The text of the newest mail to this address in the development mailbox. */
    public String lastMailTo(String email) {
        var mails = api.get("/api/v1/dev/mailbox?size=500").json().get("items");
        for (JsonNode mail : mails) {
            if (mail.get("to").asString().equals(email)) {
                return mail.get("text").asString();
            }
        }
        throw new IllegalStateException("No mail to " + email);
    }

    /** The path and query of the verification link in the newest mail to this address. */
    public String verificationLink(String email) {
        var matcher = java.util.regex.Pattern.compile("https?://[^/\\s]+(/verify-email\\?token=[A-Za-z0-9_-]+)")
                .matcher(lastMailTo(email));
        if (!matcher.find()) {
            throw new IllegalStateException("No verification link in the mail to " + email);
        }
        return matcher.group(1);
    }

    /** Creates an organisation represented by the token's person and returns its id. */
    public String organization(String token, String name, String type, String country) {
        var response = api.post("/api/v1/organizations", Map.of("name", name, "type", type, "country", country), token);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json().get("id").asString();
    }

    /** Verifies an organisation as an administrator, with a reason (see the organisation trust API). */
    public void verifyOrganization(String adminToken, String organizationId) {
        var response = api.post("/api/v1/organizations/" + organizationId + "/verification",
                Map.of("reason", "Verified for the test."), adminToken);
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
    }

    /** The invitee accepts the organisation's invitation (adding someone by email only invites them). */
    public void acceptInvitation(String organizationId, String inviteeEmail) {
        var accepted = api.post("/api/v1/organizations/" + organizationId + "/invitation", Map.of(),
                api.token(inviteeEmail, TestApi.PASSWORD));
        if (accepted.status() != 200) {
            throw new IllegalStateException("accepting failed: " + accepted.body());
        }
    }

    /** A representative invites the person, who accepts: they are then a member (or representative). */
    public void join(String representativeToken, String organizationId, String email, String role) {
        var invited = api.post("/api/v1/organizations/" + organizationId + "/members", Map.of("email", email, "role",
                role), representativeToken);
        if (invited.status() != 200) {
            throw new IllegalStateException("inviting failed: " + invited.body());
        }
        acceptInvitation(organizationId, email);
    }
}

package org.polylogue.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.polylogue.TestApi;
import tools.jackson.databind.JsonNode;

/** Meetings for tests, scheduled through the real API. */
public final class MeetingFixtures {

    private final TestApi api;

    public MeetingFixtures(TestApi api) {
        this.api = api;
    }

    /** Schedules a meeting of the process starting {@code startsInHours} from now (negative: started), two hours long. */
    public JsonNode meeting(String token, String processSlug, int startsInHours, Integer capacity) {
        var startsAt = OffsetDateTime.now(ZoneOffset.UTC).plusHours(startsInHours).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("slug", "meeting-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("title", "Informal consultation on capacity-building");
        body.put("kind", "INFORMAL_CONSULTATION");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plusHours(2).toString());
        body.put("timeZone", "Europe/Zurich");
        body.put("place", "Palais des Nations, Room XVII");
        body.put("onlineUrl", "https://meet.example.org/room");
        body.put("agenda", "# Opening\n\n1. Welcome by the Chair\n2. Exchange of views");
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (processSlug != null) {
            body.put("processSlug", processSlug);
        }
        var response = api.post("/api/v1/meetings", body, token);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }

    /** Registers the token's person (for the organisation when not null) and returns the registration. */
    public JsonNode register(String token, String slug, String organizationId, boolean hideName) {
        Map<String, Object> body = new HashMap<>();
        body.put("hideName", hideName);
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        var response = api.post("/api/v1/meetings/" + slug + "/registrations", body, token);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }
}

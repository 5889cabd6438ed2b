package org.polylogue.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.polylogue.Fixtures;
import org.polylogue.TestApi;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.security.Actor;

/** A process with a secretariat and a past meeting, and raw byte uploads of transcripts. */
public final class TranscriptFixtures {

    public final TestApi api;
    public final Fixtures fixtures;
    public final String admin;
    public final String process;
    public final String secretariatEmail;
    public final String secretariat;
    public final String meeting;

    public TranscriptFixtures(int port, Accounts accounts, Meetings meetings) {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        admin = fixtures.administrator();
        process = fixtures.process(admin);
        secretariatEmail = fixtures.person("Transcript Secretariat");
        var appointed = api.post("/api/v1/processes/" + process + "/roles", Map.of("email", secretariatEmail, "role",
                "SECRETARIAT"), admin);
        if (appointed.status() != 201) {
            throw new IllegalStateException(appointed.body());
        }
        secretariat = api.token(secretariatEmail, TestApi.PASSWORD);
        meeting = meeting(accounts, meetings, process);
    }

    /** Creates a past roundtable of the process (null: standing alone) and returns its slug. */
    public static String meeting(Accounts accounts, Meetings meetings, String processSlug) {
        var administrator = accounts.findByEmail("admin@example.org").orElseThrow();
        String slug = "roundtable-" + UUID.randomUUID().toString().substring(0, 8);
        var start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
        meetings.create(new CreateMeeting(slug, "Roundtable on the programme of action", MeetingKind.ROUNDTABLE, start,
                start.plusHours(2), "Europe/Zurich", "Geneva", null, null, "", processSlug),
                new Actor(administrator.id(), "Administrator", true)).orThrow();
        return slug;
    }

    public static String resource(String name) {
        try (InputStream in = TranscriptFixtures.class.getResourceAsStream("/transcript/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the bytes as the transcript of the meeting. */
    public TestApi.Response upload(String meetingSlug, byte[] body, String token) {
        var builder = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/meetings/" + meetingSlug + "/transcript"))
                .header("Content-Type", "text/plain").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            var response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            var json = type.contains("json") && !response.body().isEmpty()
                    ? tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()) : null;
            return new TestApi.Response(response.statusCode(), type, response.body(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public TestApi.Response upload(String meetingSlug, String text, String token) {
        return upload(meetingSlug, text.getBytes(StandardCharsets.UTF_8), token);
    }
}

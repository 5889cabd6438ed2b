package org.polylogue.meeting;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What it takes to schedule a meeting; {@code processSlug} absent for a meeting standing alone. */
@Schema(example = "{\"slug\": \"oewg-informal-march\", \"title\": \"Informal consultation on confidence-building measures\", \"kind\": \"INFORMAL_CONSULTATION\", \"startsAt\": \"2027-03-10T10:00:00+01:00\", \"endsAt\": \"2027-03-10T13:00:00+01:00\", \"timeZone\": \"Europe/Zurich\", \"place\": \"Palais des Nations, Room XVII\", \"onlineUrl\": \"https://meet.example.org/oewg\", \"capacity\": 120, \"agenda\": \"1. Opening\\n2. Points of contact directory\", \"processSlug\": \"oewg-2027\"}")
public record CreateMeeting(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", message = "must be 1 to 64 lower-case letters, digits and inner hyphens") String slug,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") String title,
        @NotNull(message = "is required") MeetingKind kind,
        @NotNull(message = "is required") OffsetDateTime startsAt,
        @NotNull(message = "is required") OffsetDateTime endsAt,
        @NotBlank(message = "is required") String timeZone,
        @Size(max = 300, message = "must be at most 300 characters") String place,
        @Size(max = 2000, message = "must be at most 2000 characters") String onlineUrl,
        @Positive(message = "must be positive") Integer capacity,
        @Size(max = 20000, message = "must be at most 20000 characters") String agenda,
        String processSlug) {}

package org.polylogue.meeting;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Changes to a meeting: absent (null) fields stay as they are; a blank {@code place}, {@code onlineUrl}
 * or {@code agenda} clears it; {@code capacity} 0 removes the limit.
 */
@Schema(example = "{\"title\": \"Informal consultation on CBMs (moved)\", \"startsAt\": \"2027-03-11T10:00:00+01:00\", \"endsAt\": \"2027-03-11T13:00:00+01:00\", \"capacity\": 150, \"place\": \"\"}")
public record EditMeeting(
        @Size(max = 300, message = "must be at most 300 characters") String title,
        MeetingKind kind,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        @Size(max = 300, message = "must be at most 300 characters") String place,
        @Size(max = 2000, message = "must be at most 2000 characters") String onlineUrl,
        @PositiveOrZero(message = "must be 0 (no limit) or more") Integer capacity,
        @Size(max = 20000, message = "must be at most 20000 characters") String agenda) {}

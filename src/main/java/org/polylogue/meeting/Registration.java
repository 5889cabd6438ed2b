package org.polylogue.meeting;

import java.time.Instant;

/**
 * One person's registration for a meeting, as they see it.
 *
 * @param waitingPosition 1 for the first on the waiting list; null when registered
 */
public record Registration(String id, String meetingId, String accountId, String organizationId,
        RegistrationStatus status, boolean hideName, Instant registeredAt, Instant promotedAt,
        Integer waitingPosition) {}

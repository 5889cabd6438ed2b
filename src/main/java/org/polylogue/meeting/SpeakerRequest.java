package org.polylogue.meeting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A request for the floor on a meeting's speakers list.
 *
 * @param position the place in the queue (1 speaks next); meaningful while {@code spoke} is false
 * @param accountId who asked (not in the JSON: a hidden name must not be traceable)
 * @param name the public name of the person, or null when they hid their name in the registration
 */
public record SpeakerRequest(String id, int position, @JsonIgnore String accountId, String name, String organizationId,
        String organizationName, boolean organizationVerified, String group, String groupLabel, boolean spoke,
        Instant requestedAt, Instant spokeAt) {}

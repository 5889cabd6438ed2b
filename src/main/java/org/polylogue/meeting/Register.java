package org.polylogue.meeting;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registration request: for oneself ({@code organizationId} absent) or for an organisation one
 * represents; {@code hideName} shows the person as "a participant" in the public list.
 */
@Schema(example = "{\"organizationId\": \"7q3y5ttek53ve7v9\", \"hideName\": false}")
public record Register(String organizationId, Boolean hideName) {

    public boolean hidden() {
        return Boolean.TRUE.equals(hideName);
    }
}

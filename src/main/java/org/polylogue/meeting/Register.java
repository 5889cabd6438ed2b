package org.polylogue.meeting;

/**
 * A registration request: for oneself ({@code organizationId} absent) or for an organisation one
 * represents; {@code hideName} shows the person as "a participant" in the public list.
 */
public record Register(String organizationId, Boolean hideName) {

    public boolean hidden() {
        return Boolean.TRUE.equals(hideName);
    }
}

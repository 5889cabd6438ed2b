package org.polylogue.account;

import java.time.Instant;

/**
 * A person's account as other modules and the API see it; never carries the password hash.
 *
 * @param pseudonym the name shown publicly instead of the display name; null when none was chosen
 */
public record AccountView(String id, String email, String displayName, boolean administrator, boolean emailVerified,
        Instant createdAt, String pseudonym) {

    /** The name everyone else sees: the pseudonym when chosen, otherwise the display name. */
    public String publicName() {
        return pseudonym != null ? pseudonym : displayName;
    }
}

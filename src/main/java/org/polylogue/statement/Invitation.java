package org.polylogue.statement;

import java.time.Instant;

/** An organisation the lead invited, and whether it signed (current signature) so far. */
public record Invitation(String organizationId, String name, boolean verified, Instant invitedAt, String state) {}

package org.polylogue.stakeholder;

import java.time.Instant;

/** An invitation to join an organisation, as its invitee sees it. */
public record Invitation(OrganizationView organization, MemberRole role, Instant invitedAt) {}

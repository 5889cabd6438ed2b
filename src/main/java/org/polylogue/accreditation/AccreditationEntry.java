package org.polylogue.accreditation;

import java.time.Instant;

/**
 * One step of the log.
 *
 * @param organization the organisation acting; null for the secretariat's decisions
 * @param person the public name of the person acting
 * @param text the statement (REQUESTED) or the reason (OBJECTED, DECIDED); null when none was given
 * @param decision set on DECIDED steps only
 * @param objectionId on OBJECTION_WITHDRAWN steps, the objection withdrawn
 * @param withdrawn on OBJECTED steps, whether the objection was later withdrawn
 */
public record AccreditationEntry(String id, EntryKind kind, Instant at, OrganizationSummary organization,
        String accountId, String person, String text, Decision decision, String objectionId, boolean withdrawn) {

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** An objection that still stands. */
    public boolean standingObjection() {
        return kind == EntryKind.OBJECTED && !withdrawn;
    }
}

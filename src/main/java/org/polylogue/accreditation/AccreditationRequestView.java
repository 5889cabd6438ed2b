package org.polylogue.accreditation;

import java.time.Instant;
import java.util.List;

/** A request with where it stands and every step taken on it, oldest first. */
public record AccreditationRequestView(String id, String processId, OrganizationSummary organization,
        Instant requestedAt, AccreditationState state, List<AccreditationEntry> entries) {

    public AccreditationRequestView {
        entries = List.copyOf(entries);
    }

    /** The objections that still stand. */
    public List<AccreditationEntry> standingObjections() {
        return entries.stream().filter(AccreditationEntry::standingObjection).toList();
    }
}

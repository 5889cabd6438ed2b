package org.polylogue.audit;

import java.time.Instant;

/** One recorded security event, with the acting person's name resolved for reading. */
public record AuditEntry(long id, Instant at, String kind, String actorAccountId, String actorName, String subject,
        String detail) {}

package org.polylogue.contribution;

import java.time.Instant;

/**
 * A public (not hidden) comment as other modules read it in bulk, e.g. for synthesis. The
 * stakeholder group and country are those declared with the comment (a snapshot of the
 * organisation's, or as imported); {@code organizationName} is set for imported comments only.
 */
public record PublishedComment(String id, String paragraphId, String body, String authorAccountId,
        String organizationId, String organizationName, String stakeholderGroup, String country, Instant submittedAt) {}

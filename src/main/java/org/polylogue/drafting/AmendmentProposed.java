package org.polylogue.drafting;

/**
 * A person proposed an amendment to a paragraph of a consultation's draft (for an organisation, or
 * for themselves when {@code organizationId} is null). Published by the amendment module in the
 * transaction that stores it; the consultation page refreshes its per-paragraph counts on it.
 */
public record AmendmentProposed(String amendmentId, String consultationId, String paragraphId,
        String organizationId) {}

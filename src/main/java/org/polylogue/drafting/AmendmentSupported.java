package org.polylogue.drafting;

import java.time.Instant;

/**
 * An organisation supported ({@code supported} true) an amendment, or withdrew its support
 * ({@code supported} false). Published in the transaction of the change; meant for the position
 * ledger (the latest event per amendment and organisation is its current stance).
 */
public record AmendmentSupported(String amendmentId, String consultationId, String paragraphId,
        String organizationId, boolean supported, Instant at) {}

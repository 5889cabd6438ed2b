package org.polylogue.synthesis;

import java.time.Instant;

/** Published when a consultation's digest was recomputed. */
public record SynthesisCompleted(String jobId, String consultationId, int inputs, Instant computedAt) {}

package org.polylogue.process;

import java.time.Instant;

/** Published when a consultation's window changes. */
public record ConsultationWindowChanged(String consultationId, Instant opensAt, Instant closesAt) {}

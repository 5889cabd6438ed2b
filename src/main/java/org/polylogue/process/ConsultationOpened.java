package org.polylogue.process;

/** Published when a consultation is created. */
public record ConsultationOpened(String consultationId, String processId) {}

package org.polylogue.process;

import java.time.Instant;

/** A consultation and its window; {@code status} is computed with the server's clock when read. */
public record ConsultationView(String id, String slug, String title, String processId, String processSlug,
        String processTitle, Instant opensAt, Instant closesAt, String documentId, ConsultationStatus status) {

    public boolean isOpen() {
        return status == ConsultationStatus.OPEN;
    }
}

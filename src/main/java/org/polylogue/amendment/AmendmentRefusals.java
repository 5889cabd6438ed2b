package org.polylogue.amendment;

import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.Refusal;

/** The refusals several amendment use cases share. */
final class AmendmentRefusals {

    private AmendmentRefusals() {}

    static Refusal consultationNotFound(String slug) {
        return Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".");
    }

    static Refusal amendmentNotFound() {
        return Refusal.notFound("amendment-not-found", "There is no such amendment.");
    }

    static Refusal closed(ConsultationView c) {
        return Refusal.conflict("consultation-closed", c.status() == ConsultationStatus.UPCOMING
                ? "This consultation is not open yet; it opens at " + c.opensAt() + "."
                : "This consultation closed at " + c.closesAt() + "; amendments and supports are no longer accepted.");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

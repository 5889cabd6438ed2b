package org.polylogue.audit;

import java.util.Locale;
import org.polylogue.shared.security.SecurityEvent;

/** Filters for reading the audit log; blank means any. */
public record AuditQuery(String kind, String accountId, String subject) {

    public AuditQuery {
        kind = blankToNull(kind);
        accountId = blankToNull(accountId);
        subject = blankToNull(subject);
        if (kind != null) {
            kind = kind.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    /** Null when the kind filter is absent or names a known kind; else the message for the field. */
    public String kindProblem() {
        if (kind == null) {
            return null;
        }
        for (var known : SecurityEvent.Kind.values()) {
            if (known.name().equals(kind)) {
                return null;
            }
        }
        return "is not a kind of event; use one of " + java.util.Arrays.toString(SecurityEvent.Kind.values());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.polylogue.statement;

import org.polylogue.shared.Refusal;

/** The refusals the statement use cases share. */
final class StatementRefusals {

    private StatementRefusals() {}

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Refusal notFound() {
        return Refusal.notFound("statement-not-found", "There is no such statement.");
    }

    static Refusal frozen() {
        return Refusal.conflict("text-frozen",
                "The text is frozen once signing opens, so that every signature covers the same text.");
    }

    static Refusal notOpen() {
        return Refusal.conflict("signing-not-open", "Signing has not opened yet for this statement.");
    }

    static Refusal closed() {
        return Refusal.conflict("signing-closed", "Signing is closed for this statement.");
    }
}

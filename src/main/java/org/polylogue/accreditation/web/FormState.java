package org.polylogue.accreditation.web;

import java.util.Map;
import org.polylogue.shared.web.FormErrors;

/**
 * The form that came back with errors, if any: which one ({@code request}, {@code object-ID},
 * {@code decide-ID}, {@code withdraw-ID}), its messages and what was typed.
 */
public record FormState(String name, FormErrors errors, Map<String, String> typed) {

    /** The messages of this form, none for the others. */
    public FormErrors errorsOf(String form) {
        return name.equals(form) ? errors : FormErrors.none();
    }

    /** What was typed into a field of this form, or the empty string. */
    public String typed(String form, String field) {
        return name.equals(form) ? typed.getOrDefault(field, "") : "";
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}

package org.polylogue.amendment.web;

import java.util.Map;
import org.polylogue.shared.web.FormErrors;

/** The form that came back with errors, if any ({@code propose}, {@code support}, {@code dispose}...), and what was typed. */
public record FormState(String name, FormErrors errors, Map<String, String> typed) {

    public static FormState none() {
        return new FormState("", FormErrors.none(), Map.of());
    }

    public FormErrors errorsOf(String form) {
        return name.equals(form) ? errors : FormErrors.none();
    }

    public String typed(String form, String field) {
        return name.equals(form) ? typed.getOrDefault(field, "") : "";
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}

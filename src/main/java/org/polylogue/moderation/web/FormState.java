package org.polylogue.moderation.web;

import java.util.Map;
import org.polylogue.shared.web.FormErrors;

/** Which form of a page failed (if any), its errors and what was typed into it. */
public record FormState(String form, FormErrors errors, Map<String, String> typed) {

    public static FormState none() {
        return new FormState("", FormErrors.none(), Map.of());
    }

    public FormErrors errorsOf(String name) {
        return form.equals(name) ? errors : FormErrors.none();
    }

    public String typed(String name, String field) {
        return form.equals(name) ? typed.getOrDefault(field, "") : "";
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}

package org.polylogue.shared.web;

import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polylogue.shared.Refusal;

/** Messages to show next to form fields; the general message (no field) is under key "". */
public record FormErrors(Map<String, String> messages) implements java.io.Serializable {

    public static FormErrors none() {
        return new FormErrors(Map.of());
    }

    public static FormErrors of(Refusal refusal) {
        Map<String, String> messages = new LinkedHashMap<>();
        refusal.errors().forEach(e -> messages.putIfAbsent(e.field(), e.message()));
        if (refusal.errors().isEmpty()) {
            messages.put("", refusal.title());
        }
        return new FormErrors(messages);
    }

    public static FormErrors validate(Validator validator, Object form) {
        Map<String, String> messages = new LinkedHashMap<>();
        // "is required" first, then the other messages in a stable order
        validator.validate(form).stream()
                .sorted(java.util.Comparator.comparing((jakarta.validation.ConstraintViolation<Object> v) -> {
                    String type = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    return type.equals("NotBlank") || type.equals("NotNull") ? 0 : 1;
                }).thenComparing(v -> v.getMessage()))
                .forEach(v -> messages.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return new FormErrors(messages);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** The message for a field, or null. */
    public String get(String field) {
        return messages.get(field);
    }

    /** The message not tied to a field, or null. */
    public String general() {
        return messages.get("");
    }
}

package org.polylogue.shared;

import java.util.List;

/**
 * Why a command refused a request that a user could cause (window closed, unknown paragraph,
 * duplicate slug). Adapters turn it into problem details for the API and field messages on pages.
 *
 * @param kind what HTTP status family it maps to
 * @param code the problem type's last segment, e.g. {@code consultation-closed}
 * @param title one short human sentence
 * @param errors per-field messages; empty when the refusal is not about one field
 */
public record Refusal(Kind kind, String code, String title, List<FieldMessage> errors) {

    public Refusal {
        errors = List.copyOf(errors);
    }

    public enum Kind {
        INVALID(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        /** Content that existed and is withheld now (e.g. hidden by the moderators). */
        GONE(410),
        PAYLOAD_TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        /** Well-formed input the server cannot process (e.g. an uploaded file whose text cannot be read). */
        UNPROCESSABLE(422),
        TOO_MANY_REQUESTS(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A message about one input field, as the API reports it in {@code errors}. */
    public record FieldMessage(String field, String message) {}

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, "invalid-input", "The request has invalid fields.",
                List.of(new FieldMessage(field, message)));
    }

    public static Refusal invalid(List<FieldMessage> errors) {
        return new Refusal(Kind.INVALID, "invalid-input", "The request has invalid fields.", errors);
    }

    public static Refusal notFound(String code, String title) {
        return new Refusal(Kind.NOT_FOUND, code, title, List.of());
    }

    public static Refusal conflict(String code, String title) {
        return new Refusal(Kind.CONFLICT, code, title, List.of());
    }

    public static Refusal conflict(String code, String title, String field) {
        return new Refusal(Kind.CONFLICT, code, title, List.of(new FieldMessage(field, title)));
    }

    public static Refusal forbidden(String code, String title) {
        return new Refusal(Kind.FORBIDDEN, code, title, List.of());
    }

    public static Refusal forbidden(String code, String title, String field) {
        return new Refusal(Kind.FORBIDDEN, code, title, List.of(new FieldMessage(field, title)));
    }

    /** The message for one field, or null. */
    public String messageFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldMessage::message)
                .findFirst().orElse(null);
    }
}

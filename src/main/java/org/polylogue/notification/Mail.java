package org.polylogue.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A plain-text mail to one address, with optional attachments (e.g. a calendar entry). */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

    public Mail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Mail(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    /** A file attached to the mail; {@code contentType} such as {@code text/calendar; method=PUBLISH}. */
    public record Attachment(String filename, String contentType, byte[] content) {

        public static Attachment text(String filename, String contentType, String text) {
            return new Attachment(filename, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        /** The content read as UTF-8 text. */
        public String asText() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }
}

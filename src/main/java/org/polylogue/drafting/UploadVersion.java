package org.polylogue.drafting;

import java.nio.file.Path;

/**
 * A new version: Markdown {@code text} (format {@code markdown}), or a DOCX or PDF {@code file}
 * (its type is read from its content; {@code format}, when given, must agree).
 *
 * @param size the file's size in bytes, checked against the limit before it is read
 */
public record UploadVersion(String format, String text, Path file, long size) {

    public static UploadVersion markdown(String text) {
        return new UploadVersion(Drafts.MARKDOWN, text, null, 0);
    }
}

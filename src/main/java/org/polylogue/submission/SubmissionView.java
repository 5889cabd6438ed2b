package org.polylogue.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.polylogue.moderation.HiddenNotice;

/**
 * A written submission as pages and the API show it. While it is hidden by the moderators,
 * {@code hidden} is set and title, summary and text are null.
 *
 * @param author the public name of the person who uploaded it (their pseudonym where chosen)
 * @param organizationId the organisation it speaks for, null for the person themselves
 * @param language ISO 639 code of the detected language; null when it could not be told
 * @param languageName the language in English words, e.g. "French"
 * @param text the extracted text; null in lists and while hidden
 * @param textTruncated whether the text was cut at the extraction limit
 * @param pageCount pages of a PDF; null for other types
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(String id, String consultationId, String consultationSlug, String title, String summary,
        String author, String organizationId, String organizationName, Boolean organizationVerified, String fileName,
        String mediaType, long sizeBytes, String sha256, Integer pageCount, String language, String languageName,
        String text, boolean textTruncated, Instant submittedAt, String fileUrl, HiddenNotice hidden) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHidden() {
        return hidden != null;
    }
}

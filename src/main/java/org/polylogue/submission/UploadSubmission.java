package org.polylogue.submission;

import org.springframework.core.io.InputStreamSource;

/**
 * An upload as the API and the page receive it.
 *
 * @param fileName the name the browser gave (kept only for the download; the type is told from the content)
 * @param size the size the client declared, checked again while the bytes are read
 * @param content the bytes; null when no file was chosen
 * @param organizationId the organisation submitted for; null or blank for oneself
 */
public record UploadSubmission(String title, String summary, String organizationId, String fileName, long size,
        InputStreamSource content) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 2_000;
}

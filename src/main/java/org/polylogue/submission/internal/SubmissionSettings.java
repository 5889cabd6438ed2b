package org.polylogue.submission.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The limits of uploads and of text extraction (ADR 004), from configuration:
 * {@code polylogue.submission.max-bytes} (20 MB), {@code .extraction-timeout} (PT30S),
 * {@code .max-chars} (2,000,000 characters of text kept), {@code .max-pages} (2,000 pages of a PDF).
 * Mutable only so that tests can make one limit tiny for a moment.
 */
@Component
public class SubmissionSettings {

    private volatile long maxBytes;
    private volatile Duration extractionTimeout;
    private volatile int maxChars;
    private volatile int maxPages;

    SubmissionSettings(@Value("${polylogue.submission.max-bytes:20971520}") long maxBytes,
            @Value("${polylogue.submission.extraction-timeout:PT30S}") Duration extractionTimeout,
            @Value("${polylogue.submission.max-chars:2000000}") int maxChars,
            @Value("${polylogue.submission.max-pages:2000}") int maxPages) {
        this.maxBytes = maxBytes;
        this.extractionTimeout = extractionTimeout;
        this.maxChars = maxChars;
        this.maxPages = maxPages;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration extractionTimeout() {
        return extractionTimeout;
    }

    public int maxChars() {
        return maxChars;
    }

    public int maxPages() {
        return maxPages;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void setExtractionTimeout(Duration extractionTimeout) {
        this.extractionTimeout = extractionTimeout;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    /** "20 MB" */
    public String maxSizeText() {
        return sizeText(maxBytes);
    }

    public static String sizeText(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}

package org.polylogue.drafting.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits of version uploads, from configuration: {@code polylogue.drafting.max-upload-size} (20MB),
 * {@code .extraction-timeout} (PT30S), {@code .max-chars} (2,000,000 characters of text read).
 * Mutable only so that tests can make one limit tiny for a moment.
 */
@Component
public class DraftingSettings {

    private volatile long maxUploadBytes;
    private final Duration extractionTimeout;
    private final int maxChars;

    DraftingSettings(@Value("${polylogue.drafting.max-upload-size:20MB}") DataSize maxUploadSize,
            @Value("${polylogue.drafting.extraction-timeout:PT30S}") Duration extractionTimeout,
            @Value("${polylogue.drafting.max-chars:2000000}") int maxChars) {
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.extractionTimeout = extractionTimeout;
        this.maxChars = maxChars;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public void setMaxUploadBytes(long bytes) {
        this.maxUploadBytes = bytes;
    }

    public Duration extractionTimeout() {
        return extractionTimeout;
    }

    public int maxChars() {
        return maxChars;
    }

    /** "20 MB" */
    public String maxUploadText() {
        long mb = maxUploadBytes / (1024 * 1024);
        return mb > 0 ? mb + " MB" : (maxUploadBytes / 1024) + " KB";
    }
}

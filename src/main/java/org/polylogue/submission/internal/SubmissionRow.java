package org.polylogue.submission.internal;

import java.time.Instant;

/** One row of {@code submission_submission}. */
public record SubmissionRow(String id, String consultationId, String authorAccountId, String organizationId,
        String title, String summary, String fileName, String mediaType, long sizeBytes, String sha256,
        Integer pageCount, String text, boolean textTruncated, String language, Instant submittedAt) {}

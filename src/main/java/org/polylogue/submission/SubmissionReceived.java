package org.polylogue.submission;

/**
 * A written submission was accepted.
 *
 * @param organizationId the organisation it was submitted for; null when the person spoke for themselves
 * @param language the detected language (ISO 639 code), null when it could not be told
 */
public record SubmissionReceived(String submissionId, String consultationId, String organizationId, String language) {}

package org.polylogue.submission;

import java.nio.file.Path;

/** The original file of a submission, to be sent as an attachment. */
public record SubmissionFile(String fileName, String mediaType, long sizeBytes, Path path) {}

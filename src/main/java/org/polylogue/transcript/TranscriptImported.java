package org.polylogue.transcript;

/** Published when a meeting's transcript was imported or replaced by a corrected one. */
public record TranscriptImported(String meetingId, String transcriptId, int turns, boolean replaced) {}

package org.polylogue.meeting;

/**
 * A registered participant for other modules (transcripts suggest speakers from them).
 * {@code publicName} is the person's public name (pseudonym where chosen) even when
 * {@code nameHidden}: show it only to the process's secretariat, never publicly.
 */
public record MeetingParticipant(String accountId, String publicName, String organizationId, boolean nameHidden) {}

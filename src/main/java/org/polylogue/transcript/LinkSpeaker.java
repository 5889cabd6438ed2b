package org.polylogue.transcript;

/**
 * Confirms which person and/or organisation a speaker label stands for; both absent removes the link.
 *
 * @param label the label as it appears in the transcript
 */
public record LinkSpeaker(String label, String accountId, String organizationId) {}

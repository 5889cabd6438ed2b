package org.polylogue.transcript;

/**
 * A speaker label linked to a person and/or an organisation for every transcript of a process (or
 * of a meeting standing alone).
 */
public record SpeakerLink(String label, String accountId, String organizationId) {}

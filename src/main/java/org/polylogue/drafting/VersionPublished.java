package org.polylogue.drafting;

/** A new version of a document became its current, public version. Published in the transaction. */
public record VersionPublished(String documentId, int number, String consultationId) {}

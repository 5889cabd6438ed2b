package org.polylogue.drafting;

/** The consultation a document belongs to, as its owner module describes it (see {@link DraftOwners}). */
public record DraftOwner(String documentId, String consultationId, String slug, String title, String processId) {}

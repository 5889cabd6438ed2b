package org.polylogue.drafting;

/** Published when a document version is stored. */
public record DocumentImported(String documentId, int version) {}

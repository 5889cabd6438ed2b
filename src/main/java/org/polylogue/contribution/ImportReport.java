package org.polylogue.contribution;

/** What an import did: lines read, comments created, lines skipped because their externalId was already imported. */
public record ImportReport(int lines, int imported, int skipped) {}

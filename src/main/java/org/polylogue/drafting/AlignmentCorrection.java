package org.polylogue.drafting;

/**
 * The secretariat's correction of one paragraph of a draft version: it keeps the id of
 * {@code previousId} (a paragraph of the previous version), or is new when that is null.
 */
public record AlignmentCorrection(int number, String previousId) {}

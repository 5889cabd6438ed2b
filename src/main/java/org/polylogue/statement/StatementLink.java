package org.polylogue.statement;

/**
 * What a statement is about: a process, a consultation, or one of its paragraphs; any part null
 * where absent. {@code paragraphNumber} is the paragraph's number in the current draft (0 if it is
 * no longer there).
 */
public record StatementLink(String processId, String processSlug, String processTitle, String consultationId,
        String consultationSlug, String consultationTitle, String paragraphId, int paragraphNumber) {

    public boolean any() {
        return processSlug != null || consultationSlug != null;
    }
}

package org.polylogue.publishing;

import java.util.Set;

/**
 * What one export covers: everything, or one process. For a process, the ids a module needs to
 * select its rows without asking the process module: the process, its consultations, and the draft
 * documents of those consultations.
 *
 * @param processId null for the whole platform
 */
public record ExportScope(String processId, Set<String> consultationIds, Set<String> documentIds) {

    public ExportScope {
        consultationIds = consultationIds == null ? Set.of() : Set.copyOf(consultationIds);
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    }

    public static ExportScope everything() {
        return new ExportScope(null, Set.of(), Set.of());
    }

    public static ExportScope of(ExportedProcess process) {
        return new ExportScope(process.id(), process.consultationIds(), process.documentIds());
    }

    public boolean isEverything() {
        return processId == null;
    }

    /** The consultation ids as an array for {@code = any(?)} in SQL. */
    public String[] consultationIdArray() {
        return consultationIds.toArray(String[]::new);
    }

    /** The document ids as an array for {@code = any(?)} in SQL. */
    public String[] documentIdArray() {
        return documentIds.toArray(String[]::new);
    }
}

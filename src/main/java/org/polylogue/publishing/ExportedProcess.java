package org.polylogue.publishing;

import java.util.Set;

/** A process as the export needs it: how it is named in URLs, and the ids that belong to it. */
public record ExportedProcess(String id, String slug, String title, Set<String> consultationIds,
        Set<String> documentIds) {

    public ExportedProcess {
        consultationIds = Set.copyOf(consultationIds);
        documentIds = Set.copyOf(documentIds);
    }
}

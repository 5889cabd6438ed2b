package org.polylogue.shared.search;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Implemented by each module whose content can be found (a Spring bean), like the moderation SPI:
 * the search module asks it for the current state of an item after a {@link SearchableChanged}
 * event, and for everything when it rebuilds the index.
 */
public interface SearchSource {

    /** The kind in URLs, facets and the API: {@code comment}, {@code statement}, {@code turn}... */
    String kind();

    /** The item as it should be found now, or empty when it is gone or hidden by the moderators. */
    Optional<SearchDocument> find(String id);

    /**
     * Every findable item of this kind, streamed (for a full reindex), each once; hidden items are
     * left out. The sink may be called from one thread only (the caller's).
     */
    void forEachDocument(Consumer<SearchDocument> sink);
}

package org.polylogue.search.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;

/** A search source held in memory, for tests of the index without the database. */
class MemorySource implements SearchSource {

    final Map<String, SearchDocument> documents = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "comment";
    }

    SearchDocument put(String id, String text) {
        return put(id, text, Set.of(), Instant.parse("2026-11-02T09:30:00Z"));
    }

    SearchDocument put(String id, String text, Set<String> visibleTo, Instant at) {
        var document = new SearchDocument("comment", id, "Comment " + id, text, "/c/" + id, "process-1", null,
                "CIVIL_SOCIETY", null, null, at, visibleTo);
        documents.put(id, document);
        return document;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        documents.values().forEach(sink);
    }
}

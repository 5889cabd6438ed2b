package org.polylogue.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polylogue.moderation.ContentHidden;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.shared.search.SearchableChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the content: each {@link SearchableChanged} (and each item hidden
 * or shown again by the moderators) makes the index ask the item's {@link SearchSource} for its
 * current state, and store or remove it. The events come through Spring Modulith's durable
 * publication registry: one that fails (the index closed, the database away) stays incomplete and
 * is delivered again at the next start, so nothing is missed.
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final LanguageGuess languages;
    private final Map<String, SearchSource> sources;
    private final Set<String> touchedDuringRebuild = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuilding;

    SearchIndexer(SearchIndex index, LanguageGuess languages, List<SearchSource> sources) {
        this.index = index;
        this.languages = languages;
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(SearchSource::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two search sources for the kind " + a.kind());
                }));
    }

    @ApplicationModuleListener
    void on(SearchableChanged event) {
        refresh(event.kind(), event.id());
    }

    @ApplicationModuleListener
    void on(ContentHidden event) {
        if (sources.containsKey(event.kind())) {
            refresh(event.kind(), event.id());
        }
    }

    /** Stores the item as its source describes it now, or removes it; searchable on return. */
    public void refresh(String kind, String id) {
        var source = sources.get(kind);
        if (source == null) {
            log.debug("No search source for kind {}", kind);
            return;
        }
        if (rebuilding) {
            touchedDuringRebuild.add(kind + "\u0000" + id);
        }
        write(kind, id, source);
        index.publish();
    }

    private void write(String kind, String id, SearchSource source) {
        var found = source.find(id);
        if (found.isPresent()) {
            index.update(IndexedDocuments.key(kind, id), document(found.get()));
        } else {
            index.delete(IndexedDocuments.key(kind, id));
        }
    }

    /** The Lucene document, the language detected where the source did not give it. */
    public org.apache.lucene.document.Document document(SearchDocument source) {
        String language = source.language() != null && !source.language().isBlank() ? source.language()
                : languages.detect(source.text());
        return IndexedDocuments.of(source, language);
    }

    public Map<String, SearchSource> sources() {
        return sources;
    }

    /** From now on, remember which items change, to write them again into the new generation. */
    void startRebuild() {
        touchedDuringRebuild.clear();
        rebuilding = true;
    }

    /** Writes the items changed during the rebuild again (called with the new generation current). */
    void catchUp() {
        for (String key : Set.copyOf(touchedDuringRebuild)) {
            int split = key.indexOf('\u0000');
            String kind = key.substring(0, split);
            write(kind, key.substring(split + 1), sources.get(kind));
        }
    }

    void endRebuild() {
        rebuilding = false;
        touchedDuringRebuild.clear();
    }
}

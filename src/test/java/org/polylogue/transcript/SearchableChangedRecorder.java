package org.polylogue.transcript;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.polylogue.shared.search.SearchableChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the {@link SearchableChanged} events that were committed, whatever thread published them
 * (Spring's recorded application events only see the test's own thread, not the server's).
 */
@Component
public class SearchableChangedRecorder {

    static final SearchableChangedRecorder INSTANCE = new SearchableChangedRecorder();

    private final List<SearchableChanged> committed = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void on(SearchableChanged event) {
        INSTANCE.committed.add(event);
    }

    public <T> Stream<SearchableChanged> stream(Class<T> type) {
        return committed.stream();
    }

    public void clear() {
        committed.clear();
    }
}

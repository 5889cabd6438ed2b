package org.polylogue.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.polylogue.search.ReindexStatus;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the whole index from every {@link org.polylogue.shared.search.SearchSource} into a new
 * generation while searches are answered from the current one, then swaps. Runs on its own
 * (virtual) thread when started from the admin page, at start when the index is new, and in the
 * foreground for {@code java -jar polylogue.jar reindex}. One rebuild at a time.
 */
@Component
public class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final Clock clock;
    private final org.springframework.boot.ApplicationArguments arguments;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong documents = new AtomicLong();
    private volatile String current;
    private volatile int sourcesDone;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    Reindexer(SearchIndex index, SearchIndexer indexer, Clock clock,
            org.springframework.boot.ApplicationArguments arguments) {
        this.arguments = arguments;
        this.index = index;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** A new index is filled from the database once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void fillNewIndex() {
        if (index.isNew() && !CommandLineReindex.requested(arguments)) {
            log.info("The search index is new: building it from the database");
            start();
        }
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        begin();
        Thread.ofVirtual().name("search-reindex").start(this::runStarted);
        return true;
    }

    /** Rebuilds in the calling thread; the number of documents written. */
    public long runNow() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A rebuild of the search index is already running");
        }
        begin();
        runStarted();
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return documents.get();
    }

    public ReindexStatus status() {
        long indexed;
        try {
            indexed = index.size();
        } catch (RuntimeException e) {
            indexed = 0;
        }
        return new ReindexStatus(running.get(), current, sourcesDone, indexer.sources().size(), documents.get(),
                startedAt, finishedAt, error, indexed);
    }

    private void begin() {
        documents.set(0);
        sourcesDone = 0;
        current = null;
        error = null;
        finishedAt = null;
        startedAt = Instant.now(clock);
    }

    /**
     * Detects languages, analyses and writes on one thread per core while the sources read on the
     * caller's: documents pass through a short queue. One {@code IndexWriter} takes them all (each
     * thread fills its own segment). Closing waits for every document; the first failure of a
     * writing thread stops the sources and is thrown.
     */
    private final class ParallelWriting implements AutoCloseable {

        private final org.apache.lucene.index.IndexWriter writer;
        private final java.util.concurrent.BlockingQueue<SearchDocument> queue;
        private final List<Thread> threads = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        private volatile boolean closing;

        ParallelWriting(org.apache.lucene.index.IndexWriter writer) {
            this.writer = writer;
            int count = Math.max(1, Runtime.getRuntime().availableProcessors());
            this.queue = new java.util.concurrent.ArrayBlockingQueue<>(count * 512);
            for (int i = 0; i < count; i++) {
                threads.add(Thread.ofPlatform().name("search-reindex-" + i).daemon(true).start(this::write));
            }
        }

        void add(SearchDocument document) {
            try {
                do {
                    failed();
                } while (!queue.offer(document, 100, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The rebuild of the search index was interrupted", e);
            }
        }

        /** Writes until closing and nothing is left; after a failure anywhere, only drains. */
        private void write() {
            try {
                while (true) {
                    var document = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (document == null) {
                        if (closing) {
                            return;
                        }
                    } else if (failure.get() == null) {
                        writer.addDocument(indexer.document(document));
                        documents.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("A search index writer was interrupted", e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException("A search index writer failed: " + e, e));
                throw e;
            }
        }

        private void failed() {
            var e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            closing = true;
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("The rebuild of the search index was interrupted", e);
                }
            }
            failed();
        }
    }

    private void runStarted() {
        long started = System.nanoTime();
        indexer.startRebuild();
        SearchIndex.Generation fresh = null;
        try {
            fresh = index.startGeneration();
            try (var writing = new ParallelWriting(fresh.writer())) {
                for (var source : new ArrayList<>(indexer.sources().values())) {
                    current = source.kind();
                    source.forEachDocument(writing::add);
                    sourcesDone++;
                }
            }
            current = null;
            index.swap(fresh, indexer::catchUp);
            log.info("Search index rebuilt: {} documents in {} ms", documents.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("The search index rebuild failed", e);
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (fresh != null) {
                index.discard(fresh);
            }
        } finally {
            indexer.endRebuild();
            finishedAt = Instant.now(clock);
            current = null;
            running.set(false);
        }
    }
}

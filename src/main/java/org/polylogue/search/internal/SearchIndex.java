package org.polylogue.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one Lucene index under {@code ${polylogue.data-dir}/search}: a directory per generation and a
 * {@code CURRENT} file naming the one in use. Writes go to the current generation and are
 * searchable once {@link #publish()} returns (commit, then refresh of the near-real-time reader).
 * A rebuild writes a new generation while searches keep reading the old one, then
 * {@link #swap(Generation) swaps} under a write lock: no search and no write sees half of it.
 */
@Component
public class SearchIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";
    private static final String SCHEMA_KEY = "polylogue.schema";

    private final Path root;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Generation current;

    /** One generation of the index: its directory, writer and near-real-time searchers. */
    public record Generation(Path path, FSDirectory directory, IndexWriter writer, SearcherManager searchers) {

        void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    SearchIndex(@Value("${polylogue.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().resolve("search");
        open();
    }

    /** Opens the generation named in {@code CURRENT}, or a new empty one. */
    public synchronized void open() {
        if (current != null) {
            return;
        }
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve(CURRENT);
            Path path = Files.exists(pointer)
                    ? root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip())
                    : null;
            Path outdated = null;
            if (path != null && Files.isDirectory(path) && !currentSchema(path)) {
                log.info("The search index {} was written with another layout: it is rebuilt", path);
                outdated = path;
                path = null;
            }
            if (path == null || !Files.isDirectory(path)) {
                path = newPath();
                writePointer(path);
            }
            current = generation(path);
            if (outdated != null) {
                deleteTree(outdated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index did not open under " + root, e);
        }
    }

    /**
     * Closes the index as a crash would leave it for the writers (uncommitted changes are lost);
     * writes fail until {@link #open()}. For tests of recovery, and at shutdown.
     */
    public synchronized void close() {
        lock.writeLock().lock();
        try {
            var generation = current;
            current = null;
            if (generation != null) {
                generation.writer().rollback();
                generation.searchers().close();
                generation.directory().close();
            }
        } catch (IOException e) {
            log.warn("The search index did not close cleanly", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void destroy() {
        lock.writeLock().lock();
        try {
            var generation = current;
            current = null;
            if (generation != null) {
                generation.writer().commit();
                generation.close();
            }
        } catch (IOException e) {
            log.warn("The search index did not close cleanly", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds or replaces a document by its key. */
    public void update(org.apache.lucene.index.Term key, Document document) {
        withWriter(writer -> {
            writer.updateDocument(key, document);
            return null;
        });
    }

    public void delete(org.apache.lucene.index.Term key) {
        withWriter(writer -> {
            writer.deleteDocuments(key);
            return null;
        });
    }

    /** Makes what was written durable and searchable. */
    public void publish() {
        lock.readLock().lock();
        try {
            var generation = live();
            generation.writer().commit();
            generation.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} with a searcher of the current generation, released afterwards. */
    public <T> T search(Function<IndexSearcher, T> work) {
        SearcherManager searchers;
        IndexSearcher searcher;
        lock.readLock().lock();
        try {
            searchers = live().searchers();
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("A searcher was not released", e);
            }
        }
    }

    /** Documents in the current generation (as last published). */
    public long size() {
        return search(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Whether the index has never been filled: nothing committed yet. */
    public boolean isNew() {
        lock.readLock().lock();
        try {
            return live().writer().getDocStats().maxDoc == 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A new, empty generation beside the current one, for a rebuild. */
    public Generation startGeneration() {
        try {
            return generation(newPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code fresh} the current generation: commits it, then under the write lock runs
     * {@code beforeSwap} (to catch up with changes made during the rebuild), points {@code CURRENT}
     * at it and closes and deletes the old one.
     */
    public void swap(Generation fresh, Runnable beforeSwap) {
        Generation old;
        lock.writeLock().lock();
        try {
            var previous = current;
            current = fresh;
            try {
                beforeSwap.run();
                fresh.writer().commit();
                fresh.searchers().maybeRefreshBlocking();
                writePointer(fresh.path());
            } catch (IOException | RuntimeException e) {
                current = previous;
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            old = previous;
        } finally {
            lock.writeLock().unlock();
        }
        if (old != null) {
            try {
                old.close();
                deleteTree(old.path());
            } catch (IOException e) {
                log.warn("The previous search index generation {} was not removed", old.path(), e);
            }
        }
    }

    /** Drops a generation that will not be used (a failed rebuild). */
    public void discard(Generation generation) {
        try {
            generation.writer().rollback();
            generation.searchers().close();
            generation.directory().close();
            deleteTree(generation.path());
        } catch (IOException e) {
            log.warn("A discarded search index generation {} was not removed", generation.path(), e);
        }
    }

    private <T> T withWriter(IoFunction<IndexWriter, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(live().writer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Generation live() {
        var generation = current;
        if (generation == null) {
            throw new IllegalStateException("The search index is closed");
        }
        return generation;
    }

    private Path newPath() {
        return root.resolve("index-" + System.currentTimeMillis() + "-" + System.nanoTime() % 1_000_000);
    }

    private static Generation generation(Path path) throws IOException {
        Files.createDirectories(path);
        var directory = FSDirectory.open(path);
        var config = new IndexWriterConfig(Languages.analyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        var writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(java.util.Map.of(SCHEMA_KEY, IndexedDocuments.SCHEMA).entrySet());
        return new Generation(path, directory, writer, new SearcherManager(writer, FILTERS_KEPT));
    }

    /**
     * Searchers that keep, per segment, the documents of each filter used (a process, a stakeholder
     * group..., or several of them together) as a set of documents: a filtered search then steps
     * through that set instead of long lists of postings. Lucene does not keep single-term filters by default (it takes them for cheap);
     * ours are broad terms met again and again. Segments below 10,000 documents are not worth it.
     */
    private static final org.apache.lucene.search.SearcherFactory FILTERS_KEPT = new org.apache.lucene.search.SearcherFactory() {

        private final org.apache.lucene.search.LRUQueryCache filters = new org.apache.lucene.search.LRUQueryCache(
                2_000, heapShare(64, 16) * 1024L * 1024, leaf -> leaf.reader().maxDoc() >= 10_000, 10);
        private final java.util.Set<String> fields = java.util.Set.copyOf(IndexedDocuments.FACETS);
        private final org.apache.lucene.search.QueryCachingPolicy termsOfFilters = new org.apache.lucene.search.QueryCachingPolicy() {
            @Override
            public void onUse(org.apache.lucene.search.Query query) {}

            @Override
            public boolean shouldCache(org.apache.lucene.search.Query query) {
                if (query instanceof org.apache.lucene.search.BooleanQuery filters) {
                    // several facet filters together (Searcher makes them one clause)
                    return filters.clauses().stream().allMatch(c -> c.occur() == org.apache.lucene.search.BooleanClause.Occur.FILTER
                            && isFacetTerm(c.query()));
                }
                return isFacetTerm(query);
            }

            private boolean isFacetTerm(org.apache.lucene.search.Query query) {
                return query instanceof org.apache.lucene.search.TermQuery term && fields.contains(term.getTerm().field());
            }
        };

        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                org.apache.lucene.index.IndexReader previous) {
            var searcher = new IndexSearcher(reader);
            searcher.setQueryCache(filters);
            searcher.setQueryCachingPolicy(termsOfFilters);
            return searcher;
        }
    };

    /** Whether the last commit under {@code path} has today's layout (or nothing is committed yet). */
    /**
     * Megabytes a cache of search may take: {@code most}, or a {@code part}-th of the heap when
     * that is less (a small heap keeps room for everything else).
     */
    static int heapShare(int most, int part) {
        long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(1, Math.min(most, heapMegabytes / part));
    }

    private static boolean currentSchema(Path path) throws IOException {
        try (var directory = FSDirectory.open(path)) {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
                return true;
            }
            var commit = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
            return IndexedDocuments.SCHEMA.equals(commit.getUserData().get(SCHEMA_KEY));
        }
    }

    private void writePointer(Path path) throws IOException {
        Path temporary = root.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, path.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(temporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @FunctionalInterface
    private interface IoFunction<A, B> {
        B apply(A a) throws IOException;
    }
}

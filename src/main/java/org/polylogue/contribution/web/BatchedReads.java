package org.polylogue.contribution.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Reads that many concurrent requests need, shared among them without ever answering with data older
 * than the request: a request gets the result of a read that started after it arrived. While a read
 * of a key is running, the requests that arrive wait for the next one, which starts as soon as the
 * running one ends and serves them all (as a database groups commits). Under load the database sees
 * about one read per key at a time instead of one per request; when idle, a request reads at once.
 */
final class BatchedReads<K, V> {

    private final Function<K, V> read;
    private final ConcurrentMap<K, Lane<V>> lanes = new ConcurrentHashMap<>();

    BatchedReads(Function<K, V> read) {
        this.read = read;
    }

    /** The value of {@code key} as read after this call began; exceptions of the read are rethrown. */
    V get(K key) {
        Lane<V> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
        CompletableFuture<V> result;
        boolean start = false;
        synchronized (lane) {
            if (!lane.running) {
                lane.running = true;
                result = new CompletableFuture<>();
                start = true;
            } else {
                if (lane.next == null) {
                    lane.next = new CompletableFuture<>();
                }
                result = lane.next;
            }
        }
        if (start) {
            run(key, lane, result);
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Runs one read, then hands the next one (if requests wait for it) to a new virtual thread. */
    private void run(K key, Lane<V> lane, CompletableFuture<V> result) {
        try {
            result.complete(read.apply(key));
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
        CompletableFuture<V> next;
        synchronized (lane) {
            next = lane.next;
            lane.next = null;
            if (next == null) {
                lane.running = false;
                lanes.remove(key, lane);
                return;
            }
        }
        Thread.startVirtualThread(() -> run(key, lane, next));
    }

    private static final class Lane<V> {
        boolean running;
        CompletableFuture<V> next;
    }
}

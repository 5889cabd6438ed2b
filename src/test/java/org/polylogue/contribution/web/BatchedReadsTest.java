package org.polylogue.contribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BatchedReadsTest {

    @Test
    void requestsArrivingDuringAReadWaitForTheNextOneAndShareIt() throws Exception {
        var reads = new AtomicInteger();
        var firstStarted = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var batched = new BatchedReads<String, Integer>(key -> {
            int read = reads.incrementAndGet();
            if (read == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return read;
        });

        var first = new AtomicReference<Integer>();
        Thread firstCaller = Thread.startVirtualThread(() -> first.set(batched.get("page")));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        var later = List.of(new AtomicReference<Integer>(), new AtomicReference<Integer>(), new AtomicReference<Integer>());
        List<Thread> laterCallers = later.stream().map(value -> Thread.startVirtualThread(() -> value.set(batched.get("page"))))
                .toList();
        for (Thread caller : laterCallers) {
            while (caller.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        releaseFirst.countDown();
        firstCaller.join();
        for (Thread caller : laterCallers) {
            caller.join();
        }

        assertThat(first.get()).isEqualTo(1);
        assertThat(later).allSatisfy(value -> assertThat(value.get()).as("a read started after the call").isEqualTo(2));
        assertThat(reads.get()).isEqualTo(2);
        assertThat(batched.get("page")).as("idle again: reads at once").isEqualTo(3);
    }

    @Test
    void aFailedReadFailsItsCallersOnly() {
        var reads = new AtomicInteger();
        var batched = new BatchedReads<String, Integer>(key -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return reads.get();
        });
        assertThatThrownBy(() -> batched.get("page")).isInstanceOf(IllegalStateException.class)
                .hasMessage("database away");
        assertThat(batched.get("page")).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

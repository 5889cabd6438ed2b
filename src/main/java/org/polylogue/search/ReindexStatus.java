package org.polylogue.search;

import java.time.Instant;

/**
 * Where a full rebuild of the index stands. While it runs, searches are answered from the old index.
 *
 * @param running whether a rebuild is under way
 * @param current the kind being read now, or null
 * @param sourcesDone kinds read completely
 * @param sourcesTotal kinds to read
 * @param documents documents written into the new index so far
 * @param startedAt when the last rebuild started, or null if none ran since start
 * @param finishedAt when it finished, or null
 * @param error why the last rebuild failed, or null
 * @param indexed documents in the index searched now
 */
public record ReindexStatus(boolean running, String current, int sourcesDone, int sourcesTotal, long documents,
        Instant startedAt, Instant finishedAt, String error, long indexed) {

    /** Progress from 0 to 100, by kinds read. */
    public int percent() {
        if (!running) {
            return finishedAt == null ? 0 : 100;
        }
        return sourcesTotal == 0 ? 0 : Math.min(99, 100 * sourcesDone / sourcesTotal);
    }
}

package org.polylogue.publishing;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A generated export on disk.
 *
 * @param name the file name served, e.g. {@code all.zip} or {@code <process slug>.zip}
 * @param path where it is kept, under {@code <data dir>/exports/}
 * @param bytes its size
 * @param generatedAt when it was written (its last-modified time)
 */
public record ExportFile(String name, Path path, long bytes, Instant generatedAt) {

    /** A strong validator that changes whenever the file is regenerated. */
    public String etag() {
        return "\"" + Long.toHexString(generatedAt.toEpochMilli()) + "-" + Long.toHexString(bytes) + "\"";
    }
}

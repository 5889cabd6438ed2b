package org.polylogue.publishing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.polylogue.publishing.ExportFile;
import org.polylogue.publishing.ExportScope;
import org.springframework.stereotype.Component;

/**
 * The generated ZIPs under {@code <data dir>/exports/}. A file is written under a temporary name and
 * moved into place only when complete, so a reader never sees half a file; two generations of the
 * same file at once each write their own temporary file and the last one wins.
 */
@Component
public class ExportCache {

    private final ExportWriter writer;
    private final ExportSettings settings;

    ExportCache(ExportWriter writer, ExportSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    /** The cached file, fresh or not, or empty. */
    public Optional<ExportFile> cached(String name) {
        Path path = settings.directory().resolve(name);
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(new ExportFile(name, path, Files.size(path),
                    Files.getLastModifiedTime(path).toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The cached file when it is younger than the configured maximum age. */
    public Optional<ExportFile> fresh(String name) {
        Instant oldest = Instant.now().minus(settings.maxAge());
        return cached(name).filter(file -> file.generatedAt().isAfter(oldest));
    }

    /** Generates the file again (and keeps it). */
    public ExportFile regenerate(String name, ExportScope scope, String title) {
        return writeThrough(name, scope, title, OutputStream.nullOutputStream());
    }

    /**
     * Generates the file and sends its bytes to {@code out} as they are written; keeps it once
     * complete. When {@code out} fails (the client went away) nothing is kept.
     */
    public ExportFile writeThrough(String name, ScopeAndTitle what, OutputStream out) {
        return writeThrough(name, what.scope(), what.title(), out);
    }

    private ExportFile writeThrough(String name, ExportScope scope, String title, OutputStream out) {
        Path directory = settings.directory();
        Path target = directory.resolve(name);
        if (!target.getParent().equals(directory)) {
            throw new IllegalArgumentException("Not an export file name: " + name);
        }
        Path scratch = directory.resolve("tmp");
        Path temporary = scratch.resolve(name + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(scratch);
            try (var file = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                    var both = new Tee(file, out)) {
                writer.write(scope, title, both, scratch);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return cached(name).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // removed at the next start by nobody; harmless and small compared with the exports
            }
        }
    }

    /** What to write: the scope and how the README names it. */
    public record ScopeAndTitle(ExportScope scope, String title) {}

    /** Writes to the file and to the client; flushes both. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

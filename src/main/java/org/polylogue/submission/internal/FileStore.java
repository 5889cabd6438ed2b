package org.polylogue.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Original files under {@code POLYLOGUE_DATA_DIR/submissions/}, named by the SHA-256 of their bytes
 * ({@code ab/abcdef…}). An upload is first written to {@code tmp/} while its hash is computed, and
 * moved into place atomically only when the submission is accepted, so a reader never sees half a file.
 */
@Component
public class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path temporary;

    FileStore(@Value("${polylogue.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().resolve("submissions");
        this.temporary = root.resolve("tmp");
    }

    /** A received upload in the temporary folder: delete it unless it was stored. */
    public record Received(Path path, String sha256, long size) {}

    /** Thrown when more bytes arrive than allowed. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Copies the stream to a temporary file, hashing it; refuses (deleting what was written) past {@code limit}. */
    public Received receive(InputStream in, long limit) throws IOException {
        Files.createDirectories(temporary);
        Path file = Files.createTempFile(temporary, "upload-", ".part");
        try (var digesting = new DigestInputStream(in, sha256()); var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = digesting.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, read);
            }
            return new Received(file, HexFormat.of().formatHex(digesting.getMessageDigest().digest()), total);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Moves a received file to its place; returns whether it created the file (false when the same
     * bytes were stored before, and the temporary copy is simply dropped).
     */
    public boolean store(Received received) {
        Path target = path(received.sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(received.path());
                return false;
            }
            try {
                Files.move(received.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(received.path(), target);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            discard(received.path());
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public void discard(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file left behind is removed with the folder; nothing refers to it
        }
    }

    public Path root() {
        return root;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

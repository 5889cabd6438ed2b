package org.polylogue.contribution.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.polylogue.process.ConsultationView;
import org.springframework.stereotype.Component;

/**
 * The consultation page as visitors who are not signed in see it, rendered once and then served as
 * bytes (and gzipped bytes) for as long as it is current. It is current while the consultation reads
 * the same (title, window, status), the draft has the same version and its comments have had no
 * change since ({@code CommentRepository.changes}, read from the database for every request, in reads
 * shared by concurrent requests, so a comment made through any node shows on the next page load
 * everywhere). Holds the pages of the most recently viewed consultations only.
 */
@Component
class ConsultationPageCache {

    private static final int CONSULTATIONS = 64;

    /** What a rendering depends on. */
    record Key(ConsultationView consultation, int version, long changes) {

        /** Whether a page rendered for this key may be served to a request that read {@code wanted}. */
        boolean serves(Key wanted) {
            return consultation.equals(wanted.consultation) && version == wanted.version && changes >= wanted.changes;
        }
    }

    /** A rendered page; the entity tags tell its two encodings apart. */
    record Rendered(Key key, byte[] html, byte[] gzip, String etag, String gzipEtag) {}

    private final Map<String, Slot> slots = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
            return size() > CONSULTATIONS;
        }
    });

    /** One consultation's page; its lock lets one request render while the others wait for it. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Rendered rendered;
    }

    /**
     * The page for {@code key}, rendered by {@code render} unless a current one is held. Read the
     * change count of the key before the data that {@code render} shows, never after.
     */
    Rendered get(Key key, Supplier<byte[]> render) {
        Slot slot = slots.computeIfAbsent(key.consultation().id(), id -> new Slot());
        Rendered held = slot.rendered;
        if (held != null && held.key().serves(key)) {
            return held;
        }
        slot.lock.lock();
        try {
            held = slot.rendered;
            if (held != null && held.key().serves(key)) {
                return held;
            }
            byte[] html = render.get();
            String tag = HexFormat.of().formatHex(sha256(html), 0, 12);
            var rendered = new Rendered(key, html, gzip(html), "\"" + tag + "\"", "\"" + tag + "-gzip\"");
            slot.rendered = rendered;
            return rendered;
        } finally {
            slot.lock.unlock();
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

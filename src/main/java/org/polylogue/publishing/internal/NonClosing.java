package org.polylogue.publishing.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps a writer from closing the stream underneath it (the ZIP entry, the HTTP response). */
final class NonClosing extends FilterOutputStream {

    private NonClosing(OutputStream out) {
        super(out);
    }

    static OutputStream of(OutputStream out) {
        return new NonClosing(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}

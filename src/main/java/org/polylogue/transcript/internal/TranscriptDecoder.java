package org.polylogue.transcript.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the uploaded bytes into text: a byte order mark says UTF-8 or UTF-16; without one, strict
 * UTF-8, else Windows-1252 (what word processors on Windows save as "plain text"). NUL bytes and
 * control characters mean the file is not text.
 */
public final class TranscriptDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text and the encoding it was read in, or the problems (then {@code text} is null). */
    public record Decoded(String text, String encoding, List<ParsedTranscript.Problem> problems) {}

    private TranscriptDecoder() {}

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return problem(lineAt(bytes, i), "Binary content: a NUL byte at byte " + (i + 1)
                        + ". Upload the transcript as plain text (UTF-8, UTF-16 with a byte order mark or Windows-1252).");
            }
        }
        var utf8 = strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        if (utf8.text() != null || !utf8.problems().getFirst().message().startsWith("Not valid")) {
            return utf8;
        }
        return strict(bytes, 0, WINDOWS_1252, "windows-1252");
    }

    private static Decoded strict(byte[] bytes, int offset, Charset charset, String name) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
                (long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return problem(lineAt(bytes, in.position()), "Not valid " + name + " at byte " + (in.position() + 1)
                    + ": the file is not text in a known encoding.");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return problem(lineAt(bytes, bytes.length), "Not valid " + name + " at the end of the file.");
        }
        out.flip();
        String text = out.toString();
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\f') {
                return problem(line, "Binary content: the control character U+%04X is not text.".formatted((int) c));
            }
        }
        return new Decoded(text, name, List.of());
    }

    private static Decoded problem(int line, String message) {
        return new Decoded(null, null, List.of(new ParsedTranscript.Problem(line, message)));
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

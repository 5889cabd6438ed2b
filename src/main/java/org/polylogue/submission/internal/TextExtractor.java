package org.polylogue.submission.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Tells an upload's type from its bytes (Tika's detectors, never the file name), refuses what is not
 * a PDF, DOCX, ODT or plain text file, and extracts the text under the limits of ADR 004: a small
 * pool of platform threads with a bounded queue, a hard timeout after which the work is interrupted
 * and abandoned, a cap on the characters kept, a cap on the pages of a PDF, PDFs read through
 * temporary files rather than memory, and embedded documents not parsed.
 */
@Component
public class TextExtractor {

    private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

    public static final MediaType PDF = MediaType.application("pdf");
    public static final MediaType DOCX = MediaType
            .application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static final MediaType ODT = MediaType.application("vnd.oasis.opendocument.text");
    public static final MediaType TEXT = MediaType.TEXT_PLAIN;

    /** The accepted types and the file name extension a download gets. */
    public static final Map<MediaType, String> ACCEPTED = Map.of(PDF, "pdf", DOCX, "docx", ODT, "odt", TEXT, "txt");

    /** Text read from a file. */
    public record Extracted(String mediaType, String text, boolean truncated, Integer pageCount) {}

    private final SubmissionSettings settings;
    private final Detector detector = new DefaultDetector();
    private final ThreadPoolExecutor pool;

    TextExtractor(SubmissionSettings settings) {
        this.settings = settings;
        var count = new AtomicInteger();
        // platform threads: the work is CPU-bound, and two at a time is all this server gives it
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), runnable -> {
            var thread = new Thread(runnable, "submission-extraction-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public Result<Extracted> extract(Path file) {
        Future<Result<Extracted>> future;
        try {
            future = pool.submit(() -> detectAndExtract(file));
        } catch (RejectedExecutionException e) {
            return Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "extraction-busy",
                    "Many files are being read right now. Please try again in a minute.", List.of()));
        }
        try {
            return future.get(settings.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Result.rejected(new Refusal(Refusal.Kind.UNPROCESSABLE, "extraction-timed-out",
                    "Reading the text of this file took longer than " + seconds() + ", so it was not accepted. "
                            + "Save it again as a simpler PDF or as plain text and upload that.",
                    List.of(new Refusal.FieldMessage("file", "took too long to read; save it as a simpler PDF "
                            + "or as plain text and choose it again"))));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            log.warn("Text extraction failed", e.getCause());
            return unreadable();
        }
    }

    private String seconds() {
        long millis = settings.extractionTimeout().toMillis();
        return millis >= 1000 ? (millis / 1000) + " seconds" : millis + " milliseconds";
    }

    private Result<Extracted> detectAndExtract(Path file) throws IOException {
        MediaType type;
        try (var in = TikaInputStream.get(file)) {
            type = detector.detect(in, new Metadata()).getBaseType();
        }
        if (!ACCEPTED.containsKey(type)) {
            return Result.rejected(new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                    "This file is not a PDF, DOCX, ODT or plain text file (its content says " + type + ").",
                    List.of(new Refusal.FieldMessage("file", "is not a PDF, DOCX, ODT or plain text file "
                            + "(judged by its content, not its name)"))));
        }
        Integer pages = null;
        if (type.equals(PDF)) {
            var checked = checkPdf(file);
            if (checked instanceof Result.Rejected<Integer> rejected) {
                return Result.rejected(rejected.refusal());
            }
            pages = ((Result.Ok<Integer>) checked).value();
        }
        var out = new WriteOutContentHandler(settings.maxChars());
        var handler = new InterruptibleHandler(new BodyContentHandler(out));
        var context = new ParseContext();
        Parser parser = parser(type, context);
        var metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, metadata, context);
        } catch (SAXException e) {
            if (org.apache.tika.exception.WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            } else {
                log.info("Unreadable upload ({}): {}", type, e.toString());
                return unreadable();
            }
        } catch (org.apache.tika.exception.EncryptedDocumentException e) {
            return encrypted();
        } catch (org.apache.tika.exception.TikaException e) {
            if (org.apache.tika.exception.WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            } else {
                log.info("Unreadable upload ({}): {}", type, e.toString());
                return unreadable();
            }
        }
        String text = normalise(out.toString());
        return Result.ok(new Extracted(type.toString(), text, truncated, pages));
    }

    private static Parser parser(MediaType type, ParseContext context) {
        if (type.equals(PDF)) {
            var config = new PDFParserConfig();
            config.setExtractInlineImages(false);
            config.setExtractAnnotationText(false);
            config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
            context.set(PDFParserConfig.class, config);
            return new PDFParser();
        }
        if (type.equals(DOCX)) {
            return new OOXMLParser();
        }
        if (type.equals(ODT)) {
            return new OpenDocumentParser();
        }
        return new TXTParser();
    }

    /** Refuses PDFs that need a password or forbid text extraction, and PDFs over the page limit. */
    private Result<Integer> checkPdf(Path file) throws IOException {
        try (var document = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                return Result.rejected(encrypted().refusal());
            }
            int pages = document.getNumberOfPages();
            if (pages > settings.maxPages()) {
                return Result.rejected(new Refusal(Refusal.Kind.UNPROCESSABLE, "too-many-pages",
                        "This PDF has " + pages + " pages; submissions have at most " + settings.maxPages()
                                + ". Upload the part that matters, or split it.",
                        List.of(new Refusal.FieldMessage("file", "has " + pages + " pages; the limit is "
                                + settings.maxPages()))));
            }
            return Result.ok(pages);
        } catch (InvalidPasswordException e) {
            return Result.rejected(encrypted().refusal());
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            log.info("Unreadable PDF: {}", e.toString());
            return Result.rejected(unreadable().refusal());
        }
    }

    private static Result.Rejected<Extracted> encrypted() {
        return new Result.Rejected<>(new Refusal(Refusal.Kind.UNPROCESSABLE, "encrypted-file",
                "This file is protected by a password, so its text cannot be read. Save it without the protection "
                        + "and upload that.",
                List.of(new Refusal.FieldMessage("file", "is protected by a password; save it without the "
                        + "protection and choose it again"))));
    }

    private static Result.Rejected<Extracted> unreadable() {
        return new Result.Rejected<>(new Refusal(Refusal.Kind.UNPROCESSABLE, "unreadable-file",
                "The text of this file could not be read; it may be damaged. Save it again and upload that.",
                List.of(new Refusal.FieldMessage("file", "could not be read; it may be damaged"))));
    }

    /** Line ends unified, runs of blank lines made one, no NUL or other control characters. */
    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
        return unified.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Stops the parser at its next output once the work was abandoned after the timeout. */
    private static final class InterruptibleHandler extends ContentHandlerDecorator {
        InterruptibleHandler(org.xml.sax.ContentHandler handler) {
            super(handler);
        }

        private static void check() throws SAXException {
            if (Thread.currentThread().isInterrupted()) {
                throw new SAXException("extraction abandoned after the timeout");
            }
        }

        @Override
        public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts)
                throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            super.characters(ch, start, length);
        }
    }
}

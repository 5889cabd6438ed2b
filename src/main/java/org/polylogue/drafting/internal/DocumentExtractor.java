package org.polylogue.drafting.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.polylogue.drafting.Block;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the headings and paragraphs of a DOCX or PDF draft through Tika's XHTML events: {@code h1}
 * to {@code h6} (DOCX heading styles) become headings, {@code p} and {@code li} paragraphs. The type
 * is judged by content, never by name. Same protections as written submissions (ADR 004): a small
 * pool with a bounded queue, a hard timeout, a cap on characters, no embedded documents, no OCR;
 * zip bombs are refused by POI's inflation-ratio check and reported as unreadable.
 */
@Component
public class DocumentExtractor {

    private static final Logger log = LoggerFactory.getLogger(DocumentExtractor.class);
    static final MediaType PDF = MediaType.application("pdf");
    static final MediaType DOCX = MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String FIELD = "file";

    /** What was read: the blocks and the format name ({@code docx} or {@code pdf}). */
    public record Extracted(String format, List<MarkdownDraftParser.ParsedBlock> blocks) {}

    private final DraftingSettings settings;
    private final DefaultDetector detector = new DefaultDetector();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4), runnable -> {
                var thread = new Thread(runnable, "drafting-extraction");
                thread.setDaemon(true);
                return thread;
            });

    DocumentExtractor(DraftingSettings settings) {
        this.settings = settings;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public Result<Extracted> extract(Path file) {
        Future<Result<Extracted>> future;
        try {
            future = pool.submit(() -> read(file));
        } catch (RejectedExecutionException e) {
            return Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "extraction-busy",
                    "Many files are being read right now. Please try again in a minute.", List.of()));
        }
        try {
            return future.get(settings.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return unprocessable("extraction-timed-out", "Reading this file took too long, so it was not accepted. "
                    + "Save it as a simpler DOCX or as Markdown and upload that.", "took too long to read");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            log.warn("Draft extraction failed", e.getCause());
            return unreadable();
        }
    }

    private Result<Extracted> read(Path file) throws IOException {
        MediaType type;
        try (var in = TikaInputStream.get(file)) {
            type = detector.detect(in, new Metadata()).getBaseType();
        }
        if (!type.equals(PDF) && !type.equals(DOCX)) {
            return Result.rejected(new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                    "This file is not a DOCX or PDF file (its content says " + type + ").",
                    List.of(new Refusal.FieldMessage(FIELD, "is not a DOCX or PDF file (judged by its content)"))));
        }
        if (type.equals(DOCX) && expandsTooMuch(file)) {
            return unprocessable("file-expands-too-much", "This file unpacks to far more data than a draft has "
                    + "(it may be a zip bomb), so it was not read. Save the draft again and upload that.",
                    "unpacks to far more data than a draft has");
        }
        var context = new ParseContext();
        Parser parser;
        if (type.equals(PDF)) {
            var config = new PDFParserConfig();
            config.setExtractInlineImages(false);
            config.setExtractAnnotationText(false);
            config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
            context.set(PDFParserConfig.class, config);
            parser = new PDFParser();
        } else {
            parser = new OOXMLParser();
        }
        var handler = new BlockHandler(settings.maxChars());
        var metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            return unprocessable("encrypted-file", "This file is protected by a password, so its text cannot be "
                    + "read. Save it without the protection and upload that.", "is protected by a password");
        } catch (SAXException | TikaException | RuntimeException e) {
            if (handler.tooLong) {
                return unprocessable("document-too-long", "The text of this file is longer than "
                        + settings.maxChars() + " characters.", "has too much text");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            }
            if (isEncrypted(e)) {
                return unprocessable("encrypted-file", "This file is protected by a password, so its text cannot "
                        + "be read. Save it without the protection and upload that.", "is protected by a password");
            }
            log.info("Unreadable draft upload ({}): {}", type, e.toString());
            return unreadable();
        }
        if (handler.blocks.stream().noneMatch(b -> b.kind() == Block.Kind.PARAGRAPH)) {
            return Result.rejected(Refusal.invalid(FIELD, "has no paragraphs of text (is it a scanned image?)"));
        }
        if (handler.blocks.stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).count()
                > MarkdownDraftParser.MAX_PARAGRAPHS) {
            return Result.rejected(Refusal.invalid(FIELD, "has more than " + MarkdownDraftParser.MAX_PARAGRAPHS
                    + " paragraphs"));
        }
        return Result.ok(new Extracted(type.equals(PDF) ? "pdf" : "docx", handler.blocks));
    }

    /**
     * Inflates the parts of a DOCX without keeping them, stopping once they exceed what a draft of
     * {@code maxChars} characters can need (markup included); the sizes the zip declares are not trusted.
     */
    private boolean expandsTooMuch(Path file) throws IOException {
        long limit = Math.max(64L * 1024 * 1024, 40L * settings.maxChars());
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(file))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > limit || Thread.currentThread().isInterrupted()) {
                        return true;
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            return false; // damaged: the parser reports it as unreadable
        }
        return false;
    }

    private static boolean isEncrypted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException
                    || cause.getClass().getSimpleName().contains("Encrypted")) {
                return true;
            }
        }
        return false;
    }

    private static <T> Result<T> unprocessable(String code, String title, String field) {
        return Result.rejected(new Refusal(Refusal.Kind.UNPROCESSABLE, code, title,
                List.of(new Refusal.FieldMessage(FIELD, field))));
    }

    private static <T> Result<T> unreadable() {
        return unprocessable("unreadable-file", "The text of this file could not be read; it may be damaged. "
                + "Save it again and upload that.", "could not be read; it may be damaged");
    }

    /** Collects headings and paragraphs from Tika's XHTML events; stops past the character limit. */
    private static final class BlockHandler extends DefaultHandler {
        final List<MarkdownDraftParser.ParsedBlock> blocks = new ArrayList<>();
        private final int maxChars;
        private final StringBuilder text = new StringBuilder();
        private int depth;
        private int level;
        private int total;
        boolean tooLong;

        BlockHandler(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (Thread.currentThread().isInterrupted()) {
                throw new SAXException("extraction abandoned after the timeout");
            }
            int heading = headingLevel(localName);
            if (heading > 0 || localName.equals("p") || localName.equals("li")) {
                if (depth == 0) {
                    text.setLength(0);
                    level = heading;
                }
                depth++;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth > 0 && (headingLevel(localName) > 0 || localName.equals("p") || localName.equals("li"))) {
                depth--;
                if (depth == 0) {
                    String content = text.toString().replaceAll("\\s+", " ").strip();
                    if (!content.isEmpty()) {
                        blocks.add(new MarkdownDraftParser.ParsedBlock(level > 0 ? Block.Kind.HEADING
                                : Block.Kind.PARAGRAPH, level, content.length() > MarkdownDraftParser.MAX_PARAGRAPH
                                        ? content.substring(0, MarkdownDraftParser.MAX_PARAGRAPH) : content, 0));
                    }
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            total += length;
            if (total > maxChars) {
                tooLong = true;
                throw new SAXException("character limit reached");
            }
            if (depth > 0) {
                text.append(ch, start, length);
            }
        }

        private static int headingLevel(String name) {
            return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                    ? name.charAt(1) - '0' : 0;
        }
    }
}

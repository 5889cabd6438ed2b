package org.polylogue.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.polylogue.drafting.internal.DocumentRepository;
import org.polylogue.drafting.internal.MarkdownDraftParser;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drafting module's front door: import documents, read their versions. */
@Service
public class Drafts {

    /** The formats a document can be imported from. */
    public static final String MARKDOWN = "markdown";

    private final DocumentRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ConcurrentMap<String, DocumentVersion> current = new ConcurrentHashMap<>();

    Drafts(DocumentRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a document with version 1 from the given text. Refuses an unknown format and a text
     * that does not parse into at least one paragraph (errors name the field {@code document.text}
     * and the line).
     */
    @Transactional
    public Result<DocumentVersion> createDocument(String format, String text) {
        if (!MARKDOWN.equals(format)) {
            return Result.rejected(Refusal.invalid("document.format", "must be \"markdown\""));
        }
        var parsed = MarkdownDraftParser.parse(text);
        if (parsed instanceof Result.Rejected<java.util.List<MarkdownDraftParser.ParsedBlock>> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var blocks = ((Result.Ok<java.util.List<MarkdownDraftParser.ParsedBlock>>) parsed).value();
        String documentId = Ids.next();
        repository.insertDocument(documentId, Instant.now(clock));
        repository.insertVersion(documentId, 1, format, text, blocks, Instant.now(clock));
        events.publishEvent(new DocumentImported(documentId, 1));
        return Result.ok(repository.version(documentId, 1).orElseThrow());
    }

    /** The newest version of a document. */
    public Optional<DocumentVersion> currentVersion(String documentId) {
        var cached = current.get(documentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        var version = repository.latestVersion(documentId);
        version.ifPresent(v -> current.put(documentId, v));
        return version;
    }

    /** One version of a document by its number (1 is the first). */
    public Optional<DocumentVersion> version(String documentId, int number) {
        return repository.version(documentId, number);
    }

    /** The paragraph with this stable id in the newest version of the document. */
    public Optional<Block> paragraph(String documentId, String paragraphId) {
        return currentVersion(documentId).map(v -> v.paragraphsById().get(paragraphId));
    }
}

package org.polylogue.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.polylogue.drafting.internal.DocumentRepository;
import org.polylogue.drafting.internal.DraftingSettings;
import org.polylogue.drafting.internal.MarkdownDraftParser;
import org.polylogue.drafting.internal.VersionCommands;
import org.polylogue.drafting.internal.VersionReads;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The drafting module's front door: import documents, upload, align and publish new versions, read
 * versions and compare them. Only published versions are current or public; a version after the
 * first is a draft that the secretariat of its consultation reviews until it is published.
 */
@Service
public class Drafts {

    /** The formats a document can be imported from. */
    public static final String MARKDOWN = "markdown";

    private final DocumentRepository repository;
    private final VersionCommands commands;
    private final VersionReads reads;
    private final ObjectProvider<DraftOwners> owners;
    private final DraftingSettings settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The current version per document; dropped when a version is published. */
    private final ConcurrentMap<String, DocumentVersion> current = new ConcurrentHashMap<>();

    Drafts(DocumentRepository repository, VersionCommands commands, VersionReads reads,
            ObjectProvider<DraftOwners> owners, DraftingSettings settings, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.commands = commands;
        this.reads = reads;
        this.owners = owners;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a document with version 1 from the given text. Refuses an unknown format and a text
     * that does not parse into at least one paragraph (errors name the field {@code document.text}
     * and the line). Joins the caller's transaction.
     */
    public Result<DocumentVersion> createDocument(String format, String text) {
        if (!MARKDOWN.equals(format)) {
            return Result.rejected(Refusal.invalid("document.format", "must be \"markdown\""));
        }
        var parsed = MarkdownDraftParser.parse(text);
        if (parsed instanceof Result.Rejected<List<MarkdownDraftParser.ParsedBlock>> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var blocks = ((Result.Ok<List<MarkdownDraftParser.ParsedBlock>>) parsed).value();
        return transaction.execute(status -> {
            String documentId = Ids.next();
            repository.insertDocument(documentId, Instant.now(clock));
            repository.insertVersion(documentId, 1, format, text, blocks, Instant.now(clock));
            events.publishEvent(new DocumentImported(documentId, 1));
            return Result.ok(repository.version(documentId, 1).orElseThrow());
        });
    }

    /** The newest published version of a document. */
    public Optional<DocumentVersion> currentVersion(String documentId) {
        var cached = current.get(documentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        var version = repository.latestVersion(documentId);
        version.ifPresent(v -> current.put(documentId, v));
        return version;
    }

    /** One published version of a document by its number (1 is the first); empty for drafts. */
    public Optional<DocumentVersion> version(String documentId, int number) {
        return repository.version(documentId, number);
    }

    /** The paragraph with this stable id in the newest published version of the document. */
    public Optional<Block> paragraph(String documentId, String paragraphId) {
        return currentVersion(documentId).map(v -> v.paragraphsById().get(paragraphId));
    }

    /**
     * The paragraph as it last read in a published version: in the current one, or for a paragraph
     * removed since, in the newest version that had it. Empty for ids of other documents.
     */
    public Optional<Block> latestParagraph(String documentId, String paragraphId) {
        var current = paragraph(documentId, paragraphId);
        return current.isPresent() ? current : repository.latestBlock(documentId, paragraphId);
    }

    /** Paragraphs of earlier published versions that the current version no longer has, as they last read. */
    public List<Block> removedParagraphs(String documentId) {
        return repository.removedParagraphs(documentId);
    }

    /** The largest file accepted for a new version, as text ("20 MB"). */
    public String maxUploadText() {
        return settings.maxUploadText();
    }

    /**
     * Uploads a new version of the consultation's document as a draft, aligned with the current
     * version. The secretariat only (403 {@code not-secretariat}); one draft at a time (409
     * {@code draft-exists}); bad files are 413, 415 or 422 and store nothing.
     */
    public Result<VersionDetail> upload(String slug, UploadVersion request, Actor actor) {
        var owner = editable(slug, actor);
        if (owner instanceof Result.Rejected<DraftOwner> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var document = ((Result.Ok<DraftOwner>) owner).value();
        if (repository.draft(document.documentId()).isPresent()) {
            return Result.rejected(Refusal.conflict("draft-exists", "A draft version is already waiting for "
                    + "review; publish or discard it before uploading another."));
        }
        var parsed = commands.parse(request);
        if (parsed instanceof Result.Rejected<VersionCommands.Parsed> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var value = ((Result.Ok<VersionCommands.Parsed>) parsed).value();
        return transaction.execute(status -> commands.storeDraft(document, value, actor)
                .map(number -> reads.detail(document.documentId(), number, true).orElseThrow()));
    }

    /** Corrects the alignment of a draft version (the secretariat only). */
    public Result<VersionDetail> correct(String slug, int number, List<AlignmentCorrection> corrections,
            Actor actor) {
        return withEditable(slug, actor, document -> commands.correct(document, number, corrections)
                .map(done -> reads.detail(document.documentId(), number, true).orElseThrow()));
    }

    /** Publishes a draft version: it becomes current and public (the secretariat only; 409 if published). */
    public Result<VersionDetail> publish(String slug, int number, Actor actor) {
        return withEditable(slug, actor, document -> {
            var result = commands.publish(document, number);
            if (result instanceof Result.Ok<Void>) {
                forget(document.documentId());
            }
            return result.map(done -> reads.detail(document.documentId(), number, false).orElseThrow());
        });
    }

    /** Discards a draft version (the secretariat only). */
    public Result<Void> discard(String slug, int number, Actor actor) {
        return withEditable(slug, actor, document -> commands.discard(document, number));
    }

    /** The versions of a consultation's document, newest first; drafts only for the secretariat. */
    public Result<List<VersionSummary>> versions(String slug, Actor actor) {
        return owner(slug).map(o -> repository.versions(o.documentId(), canEdit(actor, o)));
    }

    /** One version with its alignment; a draft only for the secretariat (404 for others). */
    public Result<VersionDetail> detail(String slug, int number, Actor actor) {
        var owner = owner(slug);
        if (owner instanceof Result.Rejected<DraftOwner> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var document = ((Result.Ok<DraftOwner>) owner).value();
        return reads.detail(document.documentId(), number, canEdit(actor, document))
                .<Result<VersionDetail>>map(Result::ok).orElseGet(() -> Result.rejected(
                        Refusal.notFound("version-not-found", "There is no version " + number + ".")));
    }

    /** Compares two published versions (404 {@code version-not-found} for unknown ones). */
    public Result<VersionDiff> diff(String slug, int from, int to) {
        var owner = owner(slug);
        if (owner instanceof Result.Rejected<DraftOwner> rejected) {
            return Result.rejected(rejected.refusal());
        }
        if (from < 1 || to < 1 || from == to) {
            return Result.rejected(Refusal.invalid(from == to ? "to" : from < 1 ? "from" : "to",
                    from == to ? "must differ from \"from\"" : "must be a version number (1 or more)"));
        }
        var documentId = ((Result.Ok<DraftOwner>) owner).value().documentId();
        return reads.diff(documentId, from, to).<Result<VersionDiff>>map(Result::ok).orElseGet(() -> Result.rejected(
                Refusal.notFound("version-not-found", "Version " + from + " or " + to + " does not exist.")));
    }

    /** The consultation owning the document, for pages that link back. */
    public Optional<DraftOwner> ownerOf(String documentId) {
        return owners.getObject().byDocument(documentId);
    }

    /** Whether the actor may upload and publish versions of the consultation's document. */
    public boolean canEdit(Actor actor, DraftOwner owner) {
        return actor != null && owners.getObject().canEdit(actor, owner);
    }

    private Result<DraftOwner> owner(String slug) {
        return owners.getObject().bySlug(slug).<Result<DraftOwner>>map(Result::ok).orElseGet(() -> Result.rejected(
                Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".")));
    }

    private Result<DraftOwner> editable(String slug, Actor actor) {
        var owner = owner(slug);
        if (owner instanceof Result.Ok<DraftOwner> ok && !canEdit(actor, ok.value())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process can change the draft's versions."));
        }
        return owner;
    }

    private <T> Result<T> withEditable(String slug, Actor actor, java.util.function.Function<DraftOwner, Result<T>> work) {
        var owner = editable(slug, actor);
        if (owner instanceof Result.Rejected<DraftOwner> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var document = ((Result.Ok<DraftOwner>) owner).value();
        return transaction.execute(status -> {
            var result = work.apply(document);
            if (result instanceof Result.Rejected<T>) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    /** Drops the cached current version now and again after commit (a reader may cache the old one meanwhile). */
    private void forget(String documentId) {
        current.remove(documentId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    current.remove(documentId);
                }
            });
        }
    }
}

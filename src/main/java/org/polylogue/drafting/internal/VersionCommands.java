package org.polylogue.drafting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.polylogue.drafting.AlignmentCorrection;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.ChangeKind;
import org.polylogue.drafting.DraftOwner;
import org.polylogue.drafting.Drafts;
import org.polylogue.drafting.UploadVersion;
import org.polylogue.drafting.VersionPublished;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Upload a version as a draft aligned with the current one, correct its alignment, publish it or
 * discard it. Callers check permission and hold the transaction (the {@code Drafts} facade).
 */
@Component
public class VersionCommands {

    public static final String PARAGRAPH_KIND = "paragraph";

    private final DocumentRepository repository;
    private final DocumentExtractor extractor;
    private final DraftingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VersionCommands(DocumentRepository repository, DocumentExtractor extractor, DraftingSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.extractor = extractor;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Reads the upload (outside any transaction: extraction may take seconds). */
    public Result<Parsed> parse(UploadVersion request) {
        String format = request.format() == null || request.format().isBlank() ? null
                : request.format().strip().toLowerCase(java.util.Locale.ROOT);
        if (request.file() == null) {
            if (format != null && !format.equals(Drafts.MARKDOWN)) {
                return Result.rejected(Refusal.invalid("file",
                        "is missing; a " + format + " version is uploaded as a file"));
            }
            var parsed = MarkdownDraftParser.parse(request.text());
            return parsed.map(blocks -> new Parsed(Drafts.MARKDOWN, request.text(), blocks));
        }
        if (format != null && !List.of("docx", "pdf").contains(format)) {
            return Result.rejected(Refusal.invalid("format", "must be \"docx\" or \"pdf\" for a file"));
        }
        long size = request.size();
        try {
            size = Math.max(size, Files.size(request.file()));
        } catch (IOException e) {
            // the size given is all there is
        }
        if (size > settings.maxUploadBytes()) {
            return Result.rejected(new Refusal(Refusal.Kind.PAYLOAD_TOO_LARGE, "file-too-large",
                    "The file is larger than " + settings.maxUploadText() + ", the limit for drafts.",
                    List.of(new Refusal.FieldMessage("file", "is larger than " + settings.maxUploadText()))));
        }
        if (size == 0) {
            return Result.rejected(Refusal.invalid("file", "is empty"));
        }
        var extracted = extractor.extract(request.file());
        if (extracted instanceof Result.Rejected<DocumentExtractor.Extracted> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var value = ((Result.Ok<DocumentExtractor.Extracted>) extracted).value();
        if (format != null && !format.equals(value.format())) {
            return Result.rejected(new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "format-mismatch",
                    "The file is a " + value.format() + " file, not " + format + ".",
                    List.of(new Refusal.FieldMessage("file", "is a " + value.format() + " file, not " + format))));
        }
        return Result.ok(new Parsed(value.format(), asMarkdown(value.blocks()), value.blocks()));
    }

    /** An upload read into blocks, with its source text kept for the record. */
    public record Parsed(String format, String source, List<MarkdownDraftParser.ParsedBlock> blocks) {}

    /** Stores the parsed upload as the draft of the next version, aligned with the current one. */
    public Result<Integer> storeDraft(DraftOwner owner, Parsed parsed, Actor actor) {
        if (repository.draft(owner.documentId()).isPresent()) {
            return Result.rejected(Refusal.conflict("draft-exists", "A draft version is already waiting for review; "
                    + "publish or discard it before uploading another."));
        }
        var current = repository.latestVersion(owner.documentId()).orElseThrow();
        var old = current.paragraphs().stream()
                .map(p -> new ParagraphAligner.OldParagraph(p.paragraphId(), p.text())).toList();
        var fresh = parsed.blocks().stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH)
                .map(MarkdownDraftParser.ParsedBlock::text).toList();
        var alignment = ParagraphAligner.align(old, fresh);
        String versionId = Ids.next();
        List<String> newIds = new ArrayList<>();
        List<DocumentRepository.StoredBlock> stored = new ArrayList<>();
        Map<String, List<String>> merges = new HashMap<>();
        int j = 0;
        for (var block : parsed.blocks()) {
            if (block.kind() == Block.Kind.HEADING) {
                stored.add(new DocumentRepository.StoredBlock(block.kind(), block.level(), block.text(), null, null,
                        null));
                continue;
            }
            var match = alignment.matches().get(j++);
            String previous = match.previousIndex() >= 0 ? old.get(match.previousIndex()).id() : null;
            String id;
            if (match.keepsId()) {
                id = previous;
            } else {
                id = Ids.next();
                newIds.add(id);
            }
            for (int merged : match.mergedIndexes()) {
                merges.computeIfAbsent(id, k -> new ArrayList<>()).add(old.get(merged).id());
            }
            stored.add(new DocumentRepository.StoredBlock(block.kind(), 0, block.text(), id, match.change(),
                    previous));
        }
        int number = repository.nextNumber(owner.documentId());
        repository.insertParagraphs(owner.documentId(), newIds);
        repository.insertVersion(versionId, owner.documentId(), number, parsed.format(), parsed.source(),
                org.polylogue.drafting.VersionStatus.DRAFT, actor.accountId(), stored, Instant.now(clock));
        merges.forEach((id, mergedIds) -> mergedIds.forEach(m -> repository.insertMerge(versionId, id, m)));
        return Result.ok(number);
    }

    /** Applies the secretariat's corrections to a draft, all at once (so two paragraphs can swap ids). */
    public Result<Void> correct(DraftOwner owner, int number, List<AlignmentCorrection> corrections) {
        var row = repository.versionRow(owner.documentId(), number);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("version-not-found", "There is no version " + number + "."));
        }
        if (row.get().status() != org.polylogue.drafting.VersionStatus.DRAFT) {
            return Result.rejected(Refusal.conflict("already-published",
                    "Version " + number + " is published; its alignment can no longer change."));
        }
        var blocks = repository.blockRows(owner.documentId(), number, true).stream()
                .filter(b -> !b.block().isHeading()).toList();
        var previous = repository.latestVersion(owner.documentId()).orElseThrow().paragraphs();
        Map<String, Block> previousById = new HashMap<>();
        previous.forEach(p -> previousById.put(p.paragraphId(), p));
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        Map<Integer, String> wanted = new HashMap<>();
        for (int k = 0; k < corrections.size(); k++) {
            var correction = corrections.get(k);
            if (correction.number() < 1 || correction.number() > blocks.size()) {
                errors.add(new Refusal.FieldMessage("paragraphs[" + k + "].number", "is not a paragraph of version "
                        + number));
            } else if (correction.previousId() != null && !previousById.containsKey(correction.previousId())) {
                errors.add(new Refusal.FieldMessage("paragraphs[" + k + "].previousId",
                        "is not a paragraph of version " + (number - 1)));
            } else {
                wanted.put(correction.number(), correction.previousId());
            }
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        // the id each paragraph keeps after the corrections; each old id at most once
        Map<String, Integer> keptBy = new HashMap<>();
        for (var block : blocks) {
            int n = block.block().number();
            String kept = wanted.containsKey(n) ? wanted.get(n)
                    : previousById.containsKey(block.block().paragraphId()) ? block.block().paragraphId() : null;
            if (kept != null && keptBy.put(kept, n) != null) {
                return Result.rejected(Refusal.invalid("paragraphs", "¶" + keptBy.get(kept) + " and ¶" + n
                        + " would both keep the id of ¶" + previousById.get(kept).number() + " of version "
                        + (number - 1) + "; choose \"new\" for one of them"));
            }
        }
        for (var block : blocks) {
            int n = block.block().number();
            if (!wanted.containsKey(n)) {
                continue;
            }
            String previousId = wanted.get(n);
            String currentId = block.block().paragraphId();
            repository.deleteMergesInto(row.get().id(), currentId);
            if (previousId == null) {
                String id = previousById.containsKey(currentId) ? repository.newParagraph(owner.documentId())
                        : currentId;
                repository.updateParagraph(row.get().id(), n, id, ChangeKind.NEW, null);
            } else {
                Block old = previousById.get(previousId);
                boolean same = ParagraphAligner.normalise(old.text()).equals(
                        ParagraphAligner.normalise(block.block().text()));
                repository.updateParagraph(row.get().id(), n, previousId,
                        same ? ChangeKind.UNCHANGED : ChangeKind.EDITED, previousId);
            }
        }
        reorderKinds(owner.documentId(), number, previousById);
        return Result.ok(null);
    }

    /** After corrections: kept paragraphs off the longest run in the old order are moved. */
    private void reorderKinds(String documentId, int number, Map<String, Block> previousById) {
        var row = repository.versionRow(documentId, number).orElseThrow();
        var blocks = repository.blockRows(documentId, number, true).stream().filter(b -> !b.block().isHeading())
                .toList();
        int[] oldIndex = new int[blocks.size()];
        boolean[] keeps = new boolean[blocks.size()];
        for (int j = 0; j < blocks.size(); j++) {
            Block old = previousById.get(blocks.get(j).block().paragraphId());
            oldIndex[j] = old == null ? -1 : old.number();
            keeps[j] = old != null;
        }
        boolean[] inOrder = ParagraphAligner.inOrder(oldIndex, keeps);
        for (int j = 0; j < blocks.size(); j++) {
            var block = blocks.get(j);
            var change = block.change();
            if (change == ChangeKind.SPLIT || change == ChangeKind.MERGED || change == ChangeKind.NEW || !keeps[j]) {
                continue;
            }
            Block old = previousById.get(block.block().paragraphId());
            boolean same = ParagraphAligner.normalise(old.text()).equals(
                    ParagraphAligner.normalise(block.block().text()));
            ChangeKind kind = !inOrder[j] && old.number() != block.block().number() ? ChangeKind.MOVED : same ? ChangeKind.UNCHANGED : ChangeKind.EDITED;
            if (kind != change) {
                repository.updateParagraph(row.id(), block.block().number(), block.block().paragraphId(), kind,
                        block.previousParagraphId());
            }
        }
    }

    /** Publishes a draft: it becomes the current version; events for the search index and listeners. */
    public Result<Void> publish(DraftOwner owner, int number) {
        var row = repository.versionRow(owner.documentId(), number);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("version-not-found", "There is no version " + number + "."));
        }
        var previous = repository.latestVersion(owner.documentId()).orElseThrow();
        if (!repository.publish(row.get().id(), Instant.now(clock))) {
            return Result.rejected(Refusal.conflict("already-published", "Version " + number + " is already published."));
        }
        var published = repository.version(owner.documentId(), number).orElseThrow();
        var ids = new HashSet<String>();
        published.paragraphs().forEach(p -> ids.add(p.paragraphId()));
        previous.paragraphs().forEach(p -> ids.add(p.paragraphId()));
        events.publishEvent(new VersionPublished(owner.documentId(), number, owner.consultationId()));
        ids.forEach(id -> events.publishEvent(new SearchableChanged(PARAGRAPH_KIND, id)));
        return Result.ok(null);
    }

    public Result<Void> discard(DraftOwner owner, int number) {
        var row = repository.versionRow(owner.documentId(), number);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("version-not-found", "There is no version " + number + "."));
        }
        if (row.get().status() != org.polylogue.drafting.VersionStatus.DRAFT) {
            return Result.rejected(Refusal.conflict("already-published",
                    "Version " + number + " is published and cannot be discarded."));
        }
        repository.deleteDraft(row.get().id());
        return Result.ok(null);
    }

    /** The blocks as Markdown, kept as the source of a version read from a file. */
    static String asMarkdown(List<MarkdownDraftParser.ParsedBlock> blocks) {
        var text = new StringBuilder();
        for (var block : blocks) {
            if (block.kind() == Block.Kind.HEADING) {
                text.append("#".repeat(block.level())).append(' ');
            }
            text.append(block.text()).append("\n\n");
        }
        return text.toString();
    }
}

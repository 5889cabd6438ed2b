package org.polylogue.amendment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.amendment.internal.AmendmentRepository;
import org.polylogue.amendment.internal.AmendmentViews;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Result;
import org.springframework.stereotype.Component;

/**
 * "You said, we did": every comment and amendment of a consultation with its published
 * disposition and the paragraph of the next version it affected, found by the paragraph's stable id.
 */
@Component
class AmendmentTrail {

    private static final int EXCERPT = 280;

    private final AmendmentRepository repository;
    private final AmendmentViews views;
    private final Comments comments;
    private final Drafts drafts;

    AmendmentTrail(AmendmentRepository repository, AmendmentViews views, Comments comments, Drafts drafts) {
        this.repository = repository;
        this.views = views;
        this.comments = comments;
        this.drafts = drafts;
    }

    /** The whole trail, amendments first by paragraph, then comments; oldest first within each. */
    List<TrailEntry> trail(ConsultationView consultation) {
        var versions = new Versions(consultation);
        var dispositions = repository.dispositions(consultation.id(), false);
        List<TrailEntry> entries = new ArrayList<>();
        var amendments = views.views(consultation,
                repository.ofConsultation(consultation.id(), null, Integer.MAX_VALUE, 0), false);
        for (AmendmentView a : amendments) {
            String summary = a.isHidden() ? null : a.kind().label() + (a.text() == null ? "" : ": " + excerpt(a.text()));
            entries.add(entry("amendment", a.id(), a.path(), a.author(), a.organization(), a.paragraphId(),
                    a.madeOnVersion(), summary, a.hidden(), a.disposition(), a.kind(), versions));
        }
        int page = 0;
        Paged<CommentView> batch;
        do {
            batch = comments.list(consultation.slug(), null, new PageRequest(page++, PageRequest.MAX_SIZE)).orThrow();
            for (CommentView c : batch.items()) {
                var org = c.organization() == null || c.organization().name() == null ? null
                        : new AmendmentView.OrganizationRef(c.organization().id(), c.organization().name(),
                                c.organization().stakeholderGroup(), null, c.organization().verified());
                var row = dispositions.get(AmendmentRepository.key("comment", c.id()));
                entries.add(entry("comment", c.id(), "/consultations/" + consultation.slug() + "/comments/" + c.id(),
                        c.author(), org, c.paragraphId(), c.version(), c.hidden() == null ? excerpt(c.body()) : null,
                        c.hidden(), AmendmentViews.disposition(row), null, versions));
            }
        } while (batch.hasNext());
        return entries;
    }

    /** Accepted (or partly accepted) amendments carried into {@code versionNumber}, by the paragraph that carries them. */
    Map<String, List<String>> acceptedLinks(String documentId, int versionNumber) {
        if (versionNumber < 2) {
            return Map.of();
        }
        var rows = repository.ofDocumentVersion(documentId, versionNumber - 1);
        if (rows.isEmpty()) {
            return Map.of();
        }
        var dispositions = repository.dispositions(AmendmentViews.KIND,
                rows.stream().map(AmendmentRepository.AmendmentRow::id).toList(), false);
        var before = drafts.version(documentId, versionNumber - 1);
        var after = drafts.version(documentId, versionNumber);
        if (before.isEmpty() || after.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (var row : rows) {
            var disposition = dispositions.get(row.id());
            if (disposition == null || !DispositionDecision.valueOf(disposition.decision()).carried()) {
                continue;
            }
            affected(before.get(), after.get(), row.paragraphId(), AmendmentKind.valueOf(row.kind()))
                    .ifPresent(block -> links.computeIfAbsent(block.paragraphId(), k -> new ArrayList<>()).add(row.id()));
        }
        return links;
    }

    private TrailEntry entry(String kind, String id, String path, String author, AmendmentView.OrganizationRef org,
            String paragraphId, int madeOn, String summary, org.polylogue.moderation.HiddenNotice hidden,
            DispositionView disposition, AmendmentKind amendmentKind, Versions versions) {
        var then = versions.get(madeOn);
        Integer number = paragraphId == null || then == null || !then.paragraphsById().containsKey(paragraphId) ? null
                : then.paragraphsById().get(paragraphId).number();
        if (paragraphId == null) {
            return new TrailEntry(kind, id, path, author, org, null, null, madeOn, summary, hidden, disposition,
                    TrailEntry.Outcome.WHOLE_DOCUMENT, versions.get(madeOn + 1) == null ? null : madeOn + 1, null, null);
        }
        var next = versions.get(madeOn + 1);
        if (next == null || then == null) {
            return new TrailEntry(kind, id, path, author, org, paragraphId, number, madeOn, summary, hidden,
                    disposition, TrailEntry.Outcome.NOT_YET_IN_NEW_VERSION, null, null, null);
        }
        var affected = affected(then, next, paragraphId, amendmentKind);
        TrailEntry.Outcome outcome;
        if (affected.isPresent()) {
            outcome = TrailEntry.Outcome.CHANGED;
        } else if (!next.paragraphsById().containsKey(paragraphId)) {
            outcome = TrailEntry.Outcome.REMOVED;
        } else {
            outcome = TrailEntry.Outcome.NO_CHANGE;
        }
        return new TrailEntry(kind, id, path, author, org, paragraphId, number, madeOn, summary, hidden, disposition,
                outcome, madeOn + 1, affected.map(Block::number).orElse(null), affected.map(b -> "/consultations/"
                        + versions.slug + "/versions/" + (madeOn + 1) + "#p-" + b.paragraphId()).orElse(null));
    }

    /**
     * The paragraph of {@code next} that an input on {@code paragraphId} of {@code then} led to: the
     * same paragraph when its text changed; for an insertion, the new paragraph right after it.
     */
    static Optional<Block> affected(DocumentVersion then, DocumentVersion next, String paragraphId,
            AmendmentKind kind) {
        var old = then.paragraphsById().get(paragraphId);
        if (kind == AmendmentKind.INSERT_AFTER) {
            var paragraphs = next.paragraphs();
            for (int i = 0; i < paragraphs.size() - 1; i++) {
                if (paragraphs.get(i).paragraphId().equals(paragraphId)
                        && !then.paragraphsById().containsKey(paragraphs.get(i + 1).paragraphId())) {
                    return Optional.of(paragraphs.get(i + 1));
                }
            }
        }
        var now = next.paragraphsById().get(paragraphId);
        if (now != null && old != null && !now.text().equals(old.text())) {
            return Optional.of(now);
        }
        return Optional.empty();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }

    /** The document's versions, each read at most once. */
    private final class Versions {
        final String slug;
        final String documentId;
        final Map<Integer, Optional<DocumentVersion>> read = new HashMap<>();

        Versions(ConsultationView consultation) {
            this.slug = consultation.slug();
            this.documentId = consultation.documentId();
        }

        DocumentVersion get(int number) {
            return read.computeIfAbsent(number, n -> drafts.version(documentId, n)).orElse(null);
        }
    }
}

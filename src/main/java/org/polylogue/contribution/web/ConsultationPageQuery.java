package org.polylogue.contribution.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.internal.CommentRepository;
import org.polylogue.contribution.internal.CommentRow;
import org.polylogue.contribution.internal.CommentViews;
import org.polylogue.drafting.AmendmentLookup;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Everything the consultation page shows, in a fixed number of queries: the draft (cached), the
 * comment count of every paragraph, and previews of the first comments of every paragraph.
 */
@Component
class ConsultationPageQuery {

    static final int FIRST_COMMENTS = 2;

    private final Drafts drafts;
    private final CommentRepository comments;
    private final CommentViews views;
    private final ObjectProvider<AmendmentLookup> amendments;

    ConsultationPageQuery(Drafts drafts, CommentRepository comments, CommentViews views,
            ObjectProvider<AmendmentLookup> amendments) {
        this.drafts = drafts;
        this.amendments = amendments;
        this.comments = comments;
        this.views = views;
    }

    ConsultationPage load(ConsultationView consultation) {
        var version = drafts.currentVersion(consultation.documentId()).orElseThrow();
        var paragraphIds = version.paragraphs().stream().map(Block::paragraphId).toList();
        Map<String, Integer> counts = comments.countsByParagraph(consultation.id());
        List<CommentRow> first = comments.firstPerParagraph(consultation.id(), paragraphIds, FIRST_COMMENTS);
        var paragraphs = version.paragraphsById();
        Map<String, List<CommentPreview>> byParagraph = new HashMap<>();
        for (CommentView view : views.views(first, paragraphs)) {
            byParagraph.computeIfAbsent(view.paragraphId() == null ? "" : view.paragraphId(), k -> new ArrayList<>())
                    .add(CommentPreview.of(view));
        }
        List<ConsultationPage.Entry> entries = new ArrayList<>();
        for (Block block : version.blocks()) {
            if (block.isHeading()) {
                entries.add(new ConsultationPage.Entry(block, 0, List.of()));
            } else {
                entries.add(new ConsultationPage.Entry(block, counts.getOrDefault(block.paragraphId(), 0),
                        byParagraph.getOrDefault(block.paragraphId(), List.of())));
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        var lookup = amendments.getIfAvailable();
        return new ConsultationPage(consultation, version.number(), entries, byParagraph.getOrDefault("", List.of()),
                counts.getOrDefault(null, 0), total, lookup == null ? Map.of() : lookup.countsByParagraph(consultation.id()));
    }
}

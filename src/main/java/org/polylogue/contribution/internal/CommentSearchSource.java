package org.polylogue.contribution.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/**
 * Comments as search finds them: their text (Markdown read as plain text), linked to the comment's
 * own page, under their consultation's process and the organisation they speak for. Hidden comments
 * are left out.
 */
@Component
class CommentSearchSource implements SearchSource {

    private static final int BATCH = 1_000;

    private final CommentRepository comments;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Organizations organizations;
    private final Moderation moderation;

    CommentSearchSource(CommentRepository comments, Consultations consultations, Drafts drafts,
            Organizations organizations, Moderation moderation) {
        this.comments = comments;
        this.consultations = consultations;
        this.drafts = drafts;
        this.organizations = organizations;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return CommentModeration.KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return comments.findById(id).filter(row -> moderation.hidden(kind(), List.of(id)).isEmpty())
                .flatMap(row -> documents(List.of(row), new HashMap<>()).stream().findFirst());
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        Map<String, Context> contexts = new HashMap<>();
        String after = null;
        while (true) {
            var rows = comments.batchAfter(after, BATCH);
            if (rows.isEmpty()) {
                return;
            }
            Set<String> hidden = moderation.hidden(kind(), rows.stream().map(CommentRow::id).toList()).keySet();
            documents(rows.stream().filter(row -> !hidden.contains(row.id())).toList(), contexts).forEach(sink);
            after = rows.getLast().id();
        }
    }

    /** A consultation with the paragraphs of its current draft, read once per consultation. */
    private record Context(ConsultationView consultation, Map<String, Block> paragraphs) {}

    private List<SearchDocument> documents(List<CommentRow> rows, Map<String, Context> contexts) {
        var orgIds = rows.stream().map(CommentRow::organizationId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, OrganizationView> orgs = orgIds.isEmpty() ? Map.of() : organizations.find(orgIds);
        return rows.stream().flatMap(row -> {
            var context = contexts.computeIfAbsent(row.consultationId(), id -> consultations.findById(id)
                    .map(c -> new Context(c, drafts.currentVersion(c.documentId()).map(v -> v.paragraphsById())
                            .orElse(Map.of())))
                    .orElse(null));
            if (context == null) {
                return java.util.stream.Stream.empty();
            }
            var c = context.consultation();
            Block paragraph = row.paragraphId() == null ? null : context.paragraphs().get(row.paragraphId());
            String title = "Comment on " + (row.paragraphId() == null ? "the whole document"
                    : paragraph == null ? "an earlier paragraph" : "paragraph " + paragraph.number()) + " of "
                    + c.title();
            var org = row.organizationId() == null ? null : orgs.get(row.organizationId());
            String group = org != null ? org.type().name() : row.stakeholderGroup();
            String region = org != null && org.regionalGroup() != null ? org.regionalGroup().name() : null;
            return java.util.stream.Stream.of(new SearchDocument(kind(), row.id(), title,
                    CommentMarkdown.toPlainText(row.body()), "/consultations/" + c.slug() + "/comments/" + row.id(),
                    c.processId(), row.organizationId(), group, region, null,
                    row.submittedAt(), Set.of()));
        }).toList();
    }
}

package org.polylogue.submission.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * Written submissions as search finds them: title, summary and the text extracted from the file,
 * in the language detected at upload. Hidden submissions are left out.
 */
@Component
class SubmissionSearchSource implements SearchSource {

    private static final int BATCH = 100;

    private final SubmissionRepository submissions;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Moderation moderation;

    SubmissionSearchSource(SubmissionRepository submissions, Consultations consultations, Organizations organizations,
            Moderation moderation) {
        this.submissions = submissions;
        this.consultations = consultations;
        this.organizations = organizations;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return Submissions.KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return submissions.find(id).filter(row -> moderation.hidden(kind(), List.of(id)).isEmpty())
                .flatMap(row -> documents(List.of(row), new HashMap<>()).stream().findFirst());
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        Map<String, Optional<ConsultationView>> consultationsById = new HashMap<>();
        String after = null;
        while (true) {
            var rows = submissions.batchAfter(after, BATCH);
            if (rows.isEmpty()) {
                return;
            }
            Set<String> hidden = moderation.hidden(kind(), rows.stream().map(SubmissionRow::id).toList()).keySet();
            documents(rows.stream().filter(row -> !hidden.contains(row.id())).toList(), consultationsById)
                    .forEach(sink);
            after = rows.getLast().id();
        }
    }

    private List<SearchDocument> documents(List<SubmissionRow> rows,
            Map<String, Optional<ConsultationView>> consultationsById) {
        var orgIds = rows.stream().map(SubmissionRow::organizationId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        Map<String, OrganizationView> orgs = orgIds.isEmpty() ? Map.of() : organizations.find(orgIds);
        return rows.stream().map(row -> {
            var consultation = consultationsById.computeIfAbsent(row.consultationId(), consultations::findById);
            var org = row.organizationId() == null ? null : orgs.get(row.organizationId());
            String text = row.title() + "\n\n" + row.summary() + "\n\n" + (row.text() == null ? "" : row.text());
            return new SearchDocument(kind(), row.id(), row.title(), text, "/submissions/" + row.id(),
                    consultation.map(ConsultationView::processId).orElse(null), row.organizationId(),
                    org == null ? null : org.type().name(),
                    org == null || org.regionalGroup() == null ? null : org.regionalGroup().name(), row.language(),
                    row.submittedAt(), Set.of());
        }).toList();
    }
}

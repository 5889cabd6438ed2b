package org.polylogue.amendment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.amendment.internal.AmendmentRepository.AmendmentRow;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/** Amendments for the search index: proposed text, rationale and published disposition; hidden ones are left out. */
@Component
class AmendmentSearchSource implements SearchSource {

    private final AmendmentRepository repository;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Moderation moderation;

    AmendmentSearchSource(AmendmentRepository repository, Consultations consultations, Organizations organizations,
            Moderation moderation) {
        this.repository = repository;
        this.consultations = consultations;
        this.organizations = organizations;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return AmendmentViews.KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return repository.find(id).filter(row -> moderation.hidden(AmendmentViews.KIND, List.of(id)).isEmpty())
                .flatMap(row -> consultations.findById(row.consultationId()).map(c -> document(row, c,
                        row.organizationId() == null ? null : organizations.find(row.organizationId()).orElse(null))));
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        Map<String, Optional<ConsultationView>> consultationsById = new HashMap<>();
        repository.forEach(row -> {
            if (!moderation.hidden(AmendmentViews.KIND, List.of(row.id())).isEmpty()) {
                return;
            }
            consultationsById.computeIfAbsent(row.consultationId(), consultations::findById).ifPresent(c -> sink.accept(
                    document(row, c, row.organizationId() == null ? null
                            : organizations.find(row.organizationId()).orElse(null))));
        });
    }

    private SearchDocument document(AmendmentRow row, ConsultationView c, OrganizationView o) {
        var disposition = repository.dispositions(AmendmentViews.KIND, List.of(row.id()), false).get(row.id());
        String text = (row.text() == null ? "" : row.text() + "\n\n") + row.rationale()
                + (disposition == null || disposition.reason() == null ? "" : "\n\n" + disposition.reason());
        return new SearchDocument(AmendmentViews.KIND, row.id(), "Amendment (" + AmendmentKind.valueOf(row.kind())
                .label().toLowerCase(java.util.Locale.ROOT) + ") · " + c.title(), text,
                "/consultations/" + c.slug() + "/amendments/" + row.id(), c.processId(), row.organizationId(),
                o == null ? null : o.type().name(), o == null || o.regionalGroup() == null ? null
                        : o.regionalGroup().name(), null, row.createdAt(), null);
    }
}

package org.polylogue.amendment.internal;

import java.util.Optional;
import org.polylogue.moderation.ContentHidden;
import org.polylogue.moderation.ModeratedItem;
import org.polylogue.moderation.ModeratedKind;
import org.polylogue.process.Consultations;
import org.polylogue.shared.search.SearchableChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Amendments as moderation sees them: their process is their consultation's, their author the
 * proposer. Hiding or restoring one tells the search index in the same transaction.
 */
@Component
class AmendmentModeration implements ModeratedKind {

    private static final int EXCERPT = 300;

    private final AmendmentRepository repository;
    private final Consultations consultations;
    private final ApplicationEventPublisher events;

    AmendmentModeration(AmendmentRepository repository, Consultations consultations, ApplicationEventPublisher events) {
        this.repository = repository;
        this.consultations = consultations;
        this.events = events;
    }

    @Override
    public String kind() {
        return AmendmentViews.KIND;
    }

    @Override
    public Optional<ModeratedItem> find(String id) {
        return repository.find(id).flatMap(row -> consultations.findById(row.consultationId()).map(c -> {
            String text = (row.text() == null ? "" : row.text() + " — ") + row.rationale();
            return new ModeratedItem(AmendmentViews.KIND, row.id(), c.processId(), row.authorAccountId(),
                    "Amendment to a paragraph of " + c.title(),
                    text.length() > EXCERPT ? text.substring(0, EXCERPT - 1) + "…" : text,
                    "/consultations/" + c.slug() + "/amendments/" + row.id());
        }));
    }

    @EventListener
    void onHidden(ContentHidden event) {
        if (AmendmentViews.KIND.equals(event.kind())) {
            events.publishEvent(new SearchableChanged(AmendmentViews.KIND, event.id()));
        }
    }
}

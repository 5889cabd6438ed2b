package org.polylogue.contribution.internal;

import org.polylogue.drafting.AmendmentProposed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A new amendment changes the consultation page (its per-paragraph counts): the cached page is renewed. */
@Component
class AmendmentChanges {

    private final CommentRepository repository;

    AmendmentChanges(CommentRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(AmendmentProposed proposed) {
        repository.recordChange(proposed.consultationId());
    }
}

package org.polylogue.contribution.internal;

import org.polylogue.drafting.AmendmentLookup;
import org.polylogue.drafting.AmendmentProposed;
import org.polylogue.moderation.ContentHidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new amendment, or one hidden or shown again by the moderators, changes the consultation page (its
 * per-paragraph counts): the cached page is renewed.
 */
@Component
class AmendmentChanges {

    private final CommentRepository repository;
    private final ObjectProvider<AmendmentLookup> amendments;

    AmendmentChanges(CommentRepository repository, ObjectProvider<AmendmentLookup> amendments) {
        this.repository = repository;
        this.amendments = amendments;
    }

    @EventListener
    void on(AmendmentProposed proposed) {
        repository.recordChange(proposed.consultationId());
    }

    /** Runs in the transaction that hid or restored the amendment, so the change commits with it. */
    @EventListener
    void on(ContentHidden hidden) {
        var lookup = amendments.getIfAvailable();
        if (lookup != null && AmendmentLookup.MODERATED_KIND.equals(hidden.kind())) {
            lookup.consultationOf(hidden.id()).ifPresent(repository::recordChange);
        }
    }
}

package org.polylogue.contribution.internal;

import org.polylogue.account.PublicNameChanged;
import org.polylogue.stakeholder.OrganizationVerificationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What comments show of their authors and organisations (a pseudonym, a verified badge) changes
 * outside this module: count it as a change of the consultations concerned, in the same
 * transaction, so that no page rendered before (the shared signed-out consultation page) is served
 * after. A person who takes a pseudonym must not stay visible under their name.
 */
@Component
class NameChanges {

    private final CommentRepository repository;

    NameChanges(CommentRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(PublicNameChanged changed) {
        repository.consultationsOfAuthor(changed.accountId()).forEach(repository::recordChange);
    }

    @EventListener
    void on(OrganizationVerificationChanged changed) {
        repository.consultationsOfOrganization(changed.organizationId()).forEach(repository::recordChange);
    }
}

package org.polylogue.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.polylogue.drafting.DraftOwner;
import org.polylogue.drafting.DraftOwners;
import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/** Tells the drafting module which consultation a document belongs to and who may change its versions. */
@Component
class ConsultationDrafts implements DraftOwners {

    private final ProcessRepository repository;
    private final ProcessPermissions permissions;
    private final Clock clock;

    ConsultationDrafts(ProcessRepository repository, ProcessPermissions permissions, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public Optional<DraftOwner> bySlug(String slug) {
        return repository.findConsultation(slug, Instant.now(clock)).map(ConsultationDrafts::owner);
    }

    @Override
    public Optional<DraftOwner> byDocument(String documentId) {
        return repository.findConsultationByDocument(documentId, Instant.now(clock)).map(ConsultationDrafts::owner);
    }

    @Override
    public boolean canEdit(Actor actor, DraftOwner owner) {
        return permissions.canRun(actor, owner.processId());
    }

    private static DraftOwner owner(ConsultationView c) {
        return new DraftOwner(c.documentId(), c.id(), c.slug(), c.title(), c.processId());
    }
}

package org.polylogue.stakeholder.internal;

import org.polylogue.account.NameReservation;
import org.springframework.stereotype.Component;

/** A pseudonym may not be an organisation's name. */
@Component
class OrganizationNames implements NameReservation {

    private final OrganizationRepository repository;

    OrganizationNames(OrganizationRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean isTaken(String name) {
        return repository.existsByName(name);
    }
}

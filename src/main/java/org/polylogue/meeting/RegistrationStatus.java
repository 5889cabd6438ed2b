package org.polylogue.meeting;

/** Where a registration stands: a confirmed place, or on the waiting list. */
public enum RegistrationStatus {
    REGISTERED,
    WAITING
}

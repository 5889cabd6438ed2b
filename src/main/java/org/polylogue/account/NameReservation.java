package org.polylogue.account;

/**
 * Implemented by modules that hold public names a pseudonym must not take (organisation names, for
 * example), so that nobody can pass for them.
 */
public interface NameReservation {

    /** Whether {@code name} (compared whatever its case) is taken. */
    boolean isTaken(String name);
}

package org.polylogue.shared.security;

/** Implemented by the principal that the account module puts into the security context. */
public interface ActorPrincipal {
    Actor actor();
}

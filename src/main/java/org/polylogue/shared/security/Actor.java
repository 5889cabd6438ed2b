package org.polylogue.shared.security;

import java.io.Serializable;

/**
 * The signed-in person acting in a request. Controllers receive it as a parameter (null when
 * signed out); commands take it and decide through their module's permission policy.
 */
public record Actor(String accountId, String displayName, boolean administrator) implements Serializable {}

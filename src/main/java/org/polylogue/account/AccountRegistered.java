package org.polylogue.account;

/** Published when a person registers. */
public record AccountRegistered(String accountId) {}

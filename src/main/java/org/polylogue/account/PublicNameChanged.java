package org.polylogue.account;

/** Published (inside the changing transaction) when the name others see for a person changes. */
public record PublicNameChanged(String accountId) {}

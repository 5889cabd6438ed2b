package org.polylogue.stakeholder;

/** A member of an organisation as its page lists them. */
public record Member(String accountId, String displayName, MemberRole role) {}

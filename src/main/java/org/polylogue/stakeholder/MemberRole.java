package org.polylogue.stakeholder;

/** A person's role in an organisation: a representative speaks for it and manages members. */
public enum MemberRole {
    REPRESENTATIVE,
    MEMBER
}

package org.polylogue.stakeholder;

/** How an organisation's identity was verified. */
public enum VerificationMethod {
    /** A representative confirmed an address at the organisation's own mail domain. */
    DOMAIN,
    /** A platform administrator verified it, with a recorded reason. */
    ADMINISTRATOR
}

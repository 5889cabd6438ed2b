package org.polylogue.drafting;

/** A version after the first is a draft the secretariat reviews until it is published; then it is public. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED
}

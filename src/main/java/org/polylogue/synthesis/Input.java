package org.polylogue.synthesis;

import java.time.Instant;

/**
 * One thing a participant said, as synthesis reads it. New kinds (amendments, transcript turns,
 * position-ledger stances) become inputs by adding a reader, not by changing the engine.
 *
 * @param kind "comment", "submission", ...
 * @param paragraphId null when it concerns the whole document
 * @param organizationId null when a person spoke for themselves
 * @param group the stakeholder group's enum name, null for individuals
 * @param region the UN regional group's enum name of {@code country}, or null
 * @param country ISO 3166-1 alpha-2, or null
 * @param stance what the input says of its paragraph, where known (null: raised, stance unknown)
 */
public record Input(String kind, String id, String text, String paragraphId, String organizationId,
        String organizationName, String group, String region, String country, Instant at, Stance stance) {

    /** A position on a paragraph or point. */
    public enum Stance {
        SUPPORT, AGAINST
    }

    /** "kind:id", unique within a consultation. */
    public String key() {
        return kind + ":" + id;
    }
}

package org.polylogue.synthesis;

import java.time.Instant;

/**
 * One thing a participant said, as synthesis reads it. New kinds (amendments, transcript turns,
 * position-ledger stances) become inputs by adding a reader, not by changing the engine.
 *
 * @param kind "comment", "submission", "amendment", "turn" (texts); "stance" (statement signature),
 *     "support" (an organisation supporting an amendment), "position" (a position-ledger stance) carry
 *     only a stance
 * @param paragraphId null when it concerns the whole document
 * @param organizationId null when a person spoke for themselves
 * @param group the stakeholder group's enum name, null for individuals, {@value #UNKNOWN_GROUP} for a
 *     transcript speaker nobody has linked to a person or organisation yet
 * @param region the UN regional group's enum name of {@code country}, or null
 * @param country ISO 3166-1 alpha-2, or null
 * @param stance what the input says of its paragraph's current wording, where known (null: raised,
 *     stance unknown)
 * @param amendmentId the amendment it concerns: the amendment itself, a support of it, a ledger
 *     stance on it (null otherwise); such inputs also make the amendment's own point
 * @param onAmendment what it says of that amendment: {@code SUPPORT} for it (its proposer, its
 *     supporters), {@code AGAINST} it, {@code CHANGE} (wants the amendment itself amended); null when
 *     unknown or no amendment
 */
public record Input(String kind, String id, String text, String paragraphId, String organizationId,
        String organizationName, String group, String region, String country, Instant at, Stance stance,
        String amendmentId, Stance onAmendment) {

    /** An input that concerns no amendment. */
    public Input(String kind, String id, String text, String paragraphId, String organizationId,
            String organizationName, String group, String region, String country, Instant at, Stance stance) {
        this(kind, id, text, paragraphId, organizationId, organizationName, group, region, country, at, stance, null,
                null);
    }

    /** Speakers of a transcript nobody linked yet: shown, but never counted as a stakeholder group's agreement. */
    public static final String UNKNOWN_GROUP = "UNKNOWN";

    /**
     * A position on a paragraph's current wording (or the whole document's): keep it ({@code SUPPORT}),
     * reject or delete it ({@code AGAINST}), or change it ({@code CHANGE}: an amendment replacing it or
     * inserting after it, a support of such an amendment, "wants an amendment" in the position ledger).
     * A change proposal is not support of the current text, nor opposition to the point it makes.
     */
    public enum Stance {
        SUPPORT, AGAINST, CHANGE
    }

    /** "kind:id", unique within a consultation. */
    public String key() {
        return kind + ":" + id;
    }
}

package org.polylogue.amendment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The secretariat's disposition of an amendment as typed.
 *
 * @param decision {@code ACCEPTED}, {@code PARTIALLY_ACCEPTED}, {@code REJECTED} or {@code MERGED}
 * @param reason required except for ACCEPTED
 * @param mergedInto for MERGED: another amendment of the same consultation
 */
@Schema(example = "{\"decision\": \"PARTIALLY_ACCEPTED\", \"reason\": \"The definition is kept; the list of sectors moves to the annex.\"}")
public record DisposeAmendment(String decision, String reason, String mergedInto) {

    public static final int MAX_REASON = 5_000;
}

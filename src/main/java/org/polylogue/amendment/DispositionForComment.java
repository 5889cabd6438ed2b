package org.polylogue.amendment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The secretariat's answer to a comment as typed.
 *
 * @param response {@code TAKEN_INTO_ACCOUNT}, {@code PARTLY_TAKEN_INTO_ACCOUNT}, {@code NOT_TAKEN} or {@code NO_CHANGE}
 * @param reason required except for TAKEN_INTO_ACCOUNT
 */
@Schema(example = "{\"response\": \"NOT_TAKEN\", \"reason\": \"Outside the mandate of this consultation.\"}")
public record DispositionForComment(String response, String reason) {}

package org.polylogue.amendment;

/**
 * The secretariat's answer to a comment as typed.
 *
 * @param response {@code TAKEN_INTO_ACCOUNT}, {@code PARTLY_TAKEN_INTO_ACCOUNT}, {@code NOT_TAKEN} or {@code NO_CHANGE}
 * @param reason required except for TAKEN_INTO_ACCOUNT
 */
public record DispositionForComment(String response, String reason) {}

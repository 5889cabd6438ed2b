package org.polylogue.transcript;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Confirms which person and/or organisation a speaker label stands for; both absent removes the link.
 *
 * @param label the label as it appears in the transcript
 */
@Schema(example = "{\"label\": \"AMBASSADOR LAURENT\", \"accountId\": \"k2m8q4x7w9p3r5t6\", \"organizationId\": \"7q3y5ttek53ve7v9\"}")
public record LinkSpeaker(String label, String accountId, String organizationId) {}

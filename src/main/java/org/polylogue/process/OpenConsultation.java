package org.polylogue.process;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A consultation on a draft document, open between {@code opensAt} and {@code closesAt}. */
@Schema(example = "{\"slug\": \"apr-zero-draft\", \"title\": \"Zero draft of the annual progress report\", \"opensAt\": \"2026-12-01T09:00:00Z\", \"closesAt\": \"2027-01-15T17:00:00Z\", \"document\": {\"format\": \"markdown\", \"text\": \"# Norms\\n\\nStates should not conduct ICT activity that damages critical infrastructure.\\n\\nStates should protect the public core of the internet.\"}}")
public record OpenConsultation(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", message = "must be 1 to 64 lower-case letters, digits and inner hyphens") String slug,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") String title,
        @NotNull(message = "is required") OffsetDateTime opensAt,
        @NotNull(message = "is required") OffsetDateTime closesAt,
        @NotNull(message = "is required") @Valid Document document) {

    public record Document(@NotBlank(message = "is required") String format, String text) {}
}

package org.polylogue.process;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(example = "{\"slug\": \"oewg-2026\", \"title\": \"Open-ended working group on ICT security 2026\", \"summary\": \"Consultations on the draft annual progress report.\"}")
public record CreateProcess(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", message = "must be 1 to 64 lower-case letters, digits and inner hyphens") String slug,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") String title,
        @Size(max = 5000, message = "must be at most 5000 characters") String summary) {}

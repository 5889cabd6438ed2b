package org.polylogue.accreditation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secretariat's decision: ACCREDITED or NOT_ACCREDITED; a reason is required for NOT_ACCREDITED. */
@Schema(example = "{\"decision\": \"ACCREDITED\", \"reason\": \"Meets the criteria of the process.\"}")
public record DecideRequest(
        @NotBlank(message = "is required") String decision,
        @Size(max = 2000, message = "must be at most 2,000 characters") String reason) {}

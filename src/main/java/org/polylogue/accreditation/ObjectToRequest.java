package org.polylogue.accreditation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member state objects to a request; the reason is optional and shown as "no reason given" when absent. */
@Schema(example = "{\"organizationId\": \"z900x013fsbjj68k\", \"reason\": \"The organisation is not independent.\"}")
public record ObjectToRequest(
        @NotBlank(message = "is required") String organizationId,
        @Size(max = 2000, message = "must be at most 2,000 characters") String reason) {}

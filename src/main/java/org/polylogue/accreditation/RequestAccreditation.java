package org.polylogue.accreditation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organisation asks to be accredited to a process, with an optional statement. */
@Schema(example = "{\"organizationId\": \"7q3y5ttek53ve7v9\", \"statement\": \"We work on internet governance in West Africa.\"}")
public record RequestAccreditation(
        @NotBlank(message = "is required") String organizationId,
        @Size(max = 2000, message = "must be at most 2,000 characters") String statement) {}

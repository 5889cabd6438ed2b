package org.polylogue.accreditation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organisation asks to be accredited to a process, with an optional statement. */
public record RequestAccreditation(
        @NotBlank(message = "is required") String organizationId,
        @Size(max = 2000, message = "must be at most 2,000 characters") String statement) {}

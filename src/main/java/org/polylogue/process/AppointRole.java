package org.polylogue.process;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Appoints the registered person with this email to a role; {@code role} is SECRETARIAT or MODERATOR. */
@Schema(example = "{\"email\": \"moderator@example.org\", \"role\": \"MODERATOR\"}")
public record AppointRole(
        @NotBlank(message = "is required") @Email(message = "must be an email address") @Size(max = 320, message = "must be at most 320 characters") String email,
        @NotNull(message = "is required") String role) {}

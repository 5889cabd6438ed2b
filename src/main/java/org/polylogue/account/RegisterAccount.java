package org.polylogue.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to register. */
@Schema(example = "{\"email\": \"ada@example.org\", \"password\": \"correct horse battery\", \"displayName\": \"Ada Lovelace\"}")
public record RegisterAccount(
        @NotBlank(message = "is required") @Email(message = "is not an email address") @Size(max = 254, message = "is too long") String email,
        @NotBlank(message = "is required") @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String displayName) {}

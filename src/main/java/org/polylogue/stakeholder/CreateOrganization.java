package org.polylogue.stakeholder;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person gives to create an organisation; {@code type} and {@code country} are checked by the command. */
@Schema(example = "{\"name\": \"Digital Rights Collective\", \"type\": \"CIVIL_SOCIETY\", \"country\": \"SN\"}")
public record CreateOrganization(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotNull(message = "is required") String type,
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE or FR") String country) {}

package org.polylogue.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a person gives to create a personal API token.
 *
 * @param name what the token is for, to recognise it in the list
 * @param expiresInDays 30, 90 or 365; null means 90
 */
@Schema(example = "{\"name\": \"Research script\", \"expiresInDays\": 90}")
public record CreateToken(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        Integer expiresInDays) {

    /** The lifetimes a person can choose, in days. */
    public static final List<Integer> LIFETIMES = List.of(30, 90, 365);

    public static final int DEFAULT_LIFETIME = 90;
}

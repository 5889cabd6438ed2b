package org.polylogue.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.polylogue.shared.security.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header: what the API is, how to authenticate. Routes come from the
 * controllers, each with {@code @Tag}, {@code @Operation(operationId, summary, description)} and
 * examples on request bodies; {@code OpenApiLintTest} checks that nothing is missing.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the signed-in person is resolved from the session or bearer token, never sent as input
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI polylogueOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Polylogue API").version("v1")
                        .description("""
                                Open data and participation in international cyber-policy processes: processes, \
                                consultations on draft texts, comments, written submissions, joint statements, \
                                organisations, accreditation and moderation.

                                JSON in and out; timestamps ISO-8601 with offset; ids are opaque strings. Errors are \
                                RFC 9457 problem details (`application/problem+json` with `type`, `title`, `status`, \
                                `detail`, and `errors: [{field, message}]` for invalid input). Lists are paged \
                                (`?page=0&size=50`, size at most 500) as `{items, page, size, total}`. Writes accept \
                                an `Idempotency-Key` header. Overload or a rate limit answers 429 with `Retry-After`.

                                Authenticate with `Authorization: Bearer <token>`; get a token from \
                                `POST /api/v1/auth/tokens`. Everything public is also downloadable in bulk as open \
                                data: `GET /api/v1/exports/all.zip`.""")
                        .license(new License().name("CC BY 4.0 (content)").url("https://creativecommons.org/licenses/by/4.0/")))
                .externalDocs(new ExternalDocumentation().description("API reference (docs/api.md) and open data")
                        .url("/open-data"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal token from POST /api/v1/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

package org.polylogue.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is, how to authenticate. Routes come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI polylogueOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Polylogue API").version("v1")
                        .description("Open data and participation in international cyber-policy processes: "
                                + "processes, consultations on draft texts, comments, organisations. Errors are "
                                + "RFC 9457 problem details; lists are paged; writes accept Idempotency-Key. "
                                + "See docs/api.md.")
                        .license(new License().name("CC BY 4.0 (content)").url("https://creativecommons.org/licenses/by/4.0/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal token from POST /api/v1/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

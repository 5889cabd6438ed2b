package org.polylogue.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The linter of the OpenAPI document ({@code /v3/api-docs}), run against the running application.
 * The document must be valid OpenAPI 3 (swagger-parser), and:
 * <ol>
 * <li>the document has a title, version, description, licence and the bearer security scheme;</li>
 * <li>every operation has a summary, a description and a tag, and every tag used is declared with a
 * description (put {@code @Tag(name, description)} on the controller);</li>
 * <li>operationIds are unique without springdoc's {@code _1} suffixes (name handlers distinctly or set
 * {@code @Operation(operationId = ...)});</li>
 * <li>every operation has a 2xx response, and every 2xx response with content has a schema;</li>
 * <li>every request body has an example: on the media type, on its schema (class-level
 * {@code @Schema(example = ...)} on the request record), or on every property of its schema;</li>
 * <li>every schema in {@code components} is used by some operation;</li>
 * <li>no operation takes the signed-in {@code Actor} as input (it comes from the session or token), and
 * no response is typed {@code *}{@code /*} (say what it produces);</li>
 * <li>an operation whose handler carries {@code @ResponseStatus(CREATED)} (or any other code) documents
 * that code; a handler that answers {@code ResponseEntity.created(...)}, {@code .accepted()} or
 * {@code .noContent()} (also from a lambda in it) must say so with {@code @ResponseStatus}, which springdoc
 * reads, since the document cannot see the code inside the method. ({@code ResponseEntity.status(201)}
 * is not detected: prefer {@code created(uri)} or the annotation.)</li>
 * </ol>
 * The failure lists each problem as {@code METHOD path (operationId): what is missing}. The document
 * is also written to {@code target/openapi.json} for reading.
 */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiLintTest {

    /**
     * Handlers of modules another engineer changes in this session (synthesis); the lead adds
     * {@code @ResponseStatus(HttpStatus.ACCEPTED)} to {@code SynthesisApi} at merge and empties this.
     */
    private static final Set<String> NOT_YET_ANNOTATED = Set.of();

    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    String text;
    OpenAPI document;

    @BeforeAll
    void fetch() throws IOException {
        var response = new TestApi(port).get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        text = response.body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), text);
        var options = new ParseOptions();
        options.setResolve(false);
        var result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("swagger-parser finds the document invalid").isEmpty();
        document = result.getOpenAPI();
        assertThat(document).isNotNull();
    }

    @Test
    void theDocumentSaysWhatTheApiIsAndHowToAuthenticate() {
        var info = document.getInfo();
        assertThat(info.getTitle()).isNotBlank();
        assertThat(info.getVersion()).isNotBlank();
        assertThat(info.getDescription()).isNotBlank();
        assertThat(info.getLicense()).isNotNull();
        assertThat(info.getLicense().getUrl()).isNotBlank();
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void everyOperationIsDescribedAndDocumentedCompletely() {
        List<String> problems = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        Set<String> declaredTags = new HashSet<>();
        if (document.getTags() != null) {
            document.getTags().forEach(tag -> {
                declaredTags.add(tag.getName());
                if (tag.getDescription() == null || tag.getDescription().isBlank()) {
                    problems.add("tag " + tag.getName() + ": missing description (@Tag(name, description))");
                }
            });
        }
        document.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
            String where = method + " " + path + " (" + operation.getOperationId() + "): ";
            if (blank(operation.getSummary())) {
                problems.add(where + "missing summary (@Operation(summary = ...))");
            }
            if (blank(operation.getDescription())) {
                problems.add(where + "missing description (@Operation(description = ...))");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                problems.add(where + "missing tag (@Tag on the controller)");
            } else {
                operation.getTags().stream().filter(tag -> !declaredTags.contains(tag))
                        .forEach(tag -> problems.add(where + "tag " + tag + " not declared with a description"));
            }
            String id = operation.getOperationId();
            if (id == null || id.matches(".*_\\d+")) {
                problems.add(where + "operationId clashes with another (name the handler distinctly or set "
                        + "@Operation(operationId = ...))");
            } else if (operationIds.put(id, where) != null) {
                problems.add(where + "operationId also used by " + operationIds.get(id));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> "actor".equals(p.getName())).forEach(p -> problems.add(
                        where + "the signed-in Actor is documented as a parameter"));
            }
            if (json(operation).contains("#/components/schemas/Actor\"")) {
                problems.add(where + "the signed-in Actor is documented as input");
            }
            var responses = operation.getResponses();
            var success = responses == null ? List.<String>of()
                    : responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (success.isEmpty()) {
                problems.add(where + "no 2xx response");
            }
            for (String code : success) {
                var content = responses.get(code).getContent();
                if (content != null) {
                    content.forEach((type, media) -> {
                        if (type.equals("*/*")) {
                            problems.add(where + "response " + code + " is typed */* (set produces or @Content)");
                        }
                        if (media.getSchema() == null) {
                            problems.add(where + "response " + code + " " + type + " has no schema");
                        }
                    });
                }
            }
            RequestBody body = operation.getRequestBody();
            if (body != null) {
                if (body.getContent() == null || body.getContent().isEmpty()) {
                    problems.add(where + "request body without content");
                } else {
                    body.getContent().forEach((type, media) -> {
                        if (!hasExample(media)) {
                            problems.add(where + "request body " + type + " has no example (@Schema(example = ...) "
                                    + "on the request record, or on each of its fields)");
                        }
                    });
                }
            }
        }));
        assertThat(problems).as("OpenAPI lint problems (see OpenApiLintTest for the rules)").isEmpty();
    }

    @Test
    void everyHandlerThatAnswersAnotherSuccessCodeDocumentsIt() {
        Map<Class<?>, com.tngtech.archunit.core.domain.JavaClass> imported = new HashMap<>();
        var importer = new com.tngtech.archunit.core.importer.ClassFileImporter();
        List<String> problems = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            var method = handler.getMethod();
            for (String path : info.getPatternValues()) {
                for (var httpMethod : info.getMethodsCondition().getMethods()) {
                    var item = document.getPaths().get(path);
                    var operation = item == null ? null : operations(item).get(httpMethod.name());
                    if (operation == null) {
                        continue; // pages and hidden routes are not in the document
                    }
                    String where = httpMethod + " " + path + " (" + operation.getOperationId() + "): ";
                    var codes = operation.getResponses() == null ? Set.<String>of() : operation.getResponses().keySet();
                    var declared = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                            method, org.springframework.web.bind.annotation.ResponseStatus.class);
                    var type = imported.computeIfAbsent(handler.getBeanType(), importer::importClass);
                    var returned = responseEntityCodes(type, method.getName());
                    if (declared != null) {
                        String code = String.valueOf(declared.code().value());
                        if (!codes.contains(code)) {
                            problems.add(where + "the handler answers " + code + " (@ResponseStatus) but the "
                                    + "document says " + codes);
                        }
                        if (!returned.isEmpty() && !returned.equals(Set.of(code))) {
                            problems.add(where + "@ResponseStatus says " + code + " but the handler answers "
                                    + returned + " through ResponseEntity");
                        }
                        continue;
                    }
                    if (NOT_YET_ANNOTATED.contains(operation.getOperationId())) {
                        continue;
                    }
                    for (String answered : returned) {
                        if (!codes.contains(answered)) {
                            problems.add(where + "the handler answers " + answered + " (ResponseEntity) but the "
                                    + "document says " + codes + ": add @ResponseStatus(HttpStatus...) on it");
                        }
                    }
                }
            }
        });
        assertThat(problems).as("operations whose success code the document gets wrong").isEmpty();
    }

    /**
     * The codes a handler answers through ResponseEntity.created/accepted/noContent, also from a lambda
     * in it or from a method of its own class that it calls (such as a private {@code created(...)} helper).
     */
    private static Set<String> responseEntityCodes(com.tngtech.archunit.core.domain.JavaClass type, String handler) {
        Set<String> codes = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<com.tngtech.archunit.core.domain.JavaMethod> pending = new ArrayDeque<>();
        type.getMethods().stream().filter(m -> m.getName().equals(handler)
                || m.getName().startsWith("lambda$" + handler + "$")).forEach(pending::add);
        while (!pending.isEmpty()) {
            var member = pending.pop();
            if (!seen.add(member.getFullName())) {
                continue;
            }
            for (var call : member.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().equals(type)) {
                    call.getTarget().resolveMember().ifPresent(pending::add);
                } else if (call.getTargetOwner().isEquivalentTo(org.springframework.http.ResponseEntity.class)) {
                    switch (call.getName()) {
                        case "created" -> codes.add("201");
                        case "accepted" -> codes.add("202");
                        case "noContent" -> codes.add("204");
                        default -> { }
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void everySchemaIsUsed() {
        var schemas = document.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        // references reachable from the paths, following references inside schemas
        Set<String> used = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(refs(json(document.getPaths())));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (used.add(name) && schemas.containsKey(name)) {
                pending.addAll(refs(json(schemas.get(name))));
            }
        }
        var unused = new TreeSet<>(schemas.keySet());
        unused.removeAll(used);
        assertThat(unused).as("schemas in components that no operation uses").isEmpty();
    }

    private boolean hasExample(MediaType media) {
        if (media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty())) {
            return true;
        }
        Schema<?> schema = resolve(media.getSchema());
        if (schema == null) {
            return false;
        }
        if (schema.getExample() != null || (schema.getExamples() != null && !schema.getExamples().isEmpty())) {
            return true;
        }
        var properties = schema.getProperties();
        return properties != null && !properties.isEmpty()
                && properties.values().stream().allMatch(property -> {
                    var resolved = resolve(property);
                    return resolved != null && (resolved.getExample() != null || property.getExample() != null
                            || (resolved.getEnum() != null && !resolved.getEnum().isEmpty())
                            || (resolved.getProperties() != null && hasExample(new MediaType().schema(resolved))));
                });
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return document.getComponents().getSchemas().get(name);
        }
        return schema;
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new java.util.LinkedHashMap<>();
        item.readOperationsMap().forEach((method, operation) -> operations.put(method.name(), operation));
        return operations;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String json(Object value) {
        return io.swagger.v3.core.util.Json.pretty(value);
    }

    private static Set<String> refs(String json) {
        Set<String> names = new HashSet<>();
        Matcher matcher = REF.matcher(json);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}

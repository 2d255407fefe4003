package cn.jincheng.brigades.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.problem.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document as a contract clients can generate from: a title and version, the bearer
 * scheme on every operation but the login, and each operation's error answers as problem+json
 * (api-v1.md, "Errors"). The caller is resolved from the token, never a parameter.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Operations anyone may call (no token). */
    private static final List<String> PUBLIC_PATHS = List.of("/api/v1/auth/token");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class)
                // an audit entry's before/after/request are JSON documents, not Jackson's node API
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, new io.swagger.v3.oas.models.media.ObjectSchema()
                        .description("A JSON document: the record or request as it was"));
    }

    @Bean
    OpenAPI brigadesOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Township fire brigades API (乡镇专职消防队)").version("v1")
                        .description("Plan, build, check and accept township fire brigades: the REST face of the "
                                + "station, equipment and staffing services. Errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A token from POST /api/v1/auth/token (local accounts) or the city's OIDC provider")))
                // relative: the document is the same whichever host, port or proxy served it (the generated
                // client's snapshot is compared with it), and a client is pointed at its gateway
                .servers(List.of(new Server().url("/").description("the gateway that served this document")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            Map<String, Schema> problem = ModelConverters.getInstance().read(Problem.class);
            problem.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describeErrors(path, method, operation)));
        };
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = PUBLIC_PATHS.contains(path);
        if (open) {
            operation.setSecurity(List.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Bad input: the detail and, per field, errors say what to change");
        if (!open) {
            errors.put("401", "No token, or one that is expired, forged or not for this API");
            errors.put("403", "The caller's role or county may not do this");
        }
        if (path.contains("{")) {
            errors.put("404", "No such record");
        }
        if (method != PathItem.HttpMethod.GET) {
            errors.put("409", "The change conflicts with the record's state (for example a duplicate)");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT) {
            errors.put("412", "If-Match names an older version: someone else changed the record; read it again");
            errors.put("428", "If-Match is required: send the ETag of the version the change is based on");
        }
        errors.put("429", "Too many requests from this caller: wait for Retry-After seconds");
        errors.put("503", "A service behind the gateway is unavailable: the problem names it; try again");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        errors.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        operation.setResponses(responses);
    }
}

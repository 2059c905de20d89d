package io.vigil.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Tells OpenAPI clients what {@code ApiAccess} enforces: writes under {@code /api} need a bearer token from
 * {@code VIGIL_API_TOKENS}, and answer 401 without one and 403 with an unknown one. Reads are shown open, their
 * default; {@code VIGIL_API_READ_AUTH=true} guards them too.
 */
public class ApiSecurityDocument implements OASFilter {

    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A token of VIGIL_API_TOKENS (name:token pairs); its name is the actor of the request"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                if (operation.getKey() != PathItem.HttpMethod.GET && operation.getKey() != PathItem.HttpMethod.HEAD) {
                    guard(operation.getValue());
                }
            }
        });
    }

    private static void guard(Operation operation) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                .description("No bearer token"));
        operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse()
                .description("A token that is not in VIGIL_API_TOKENS"));
    }
}

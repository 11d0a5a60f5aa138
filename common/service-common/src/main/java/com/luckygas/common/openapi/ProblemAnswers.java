package com.luckygas.common.openapi;

import com.luckygas.common.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every service's OpenAPI document says what its errors look like (issue 20): the {@code Problem}
 * schema (RFC 9457, with {@code violations}) and, on every operation, the problem answers it can
 * give — 400 when it reads parameters or a body, 401 and 403 when it needs a token, 404 when its
 * path names something, 503 always (its database or a service it needs not answering) — plus any
 * 4xx/5xx an operation declares itself, each as {@code application/problem+json}. Run when the
 * document is built (the stored file the platform document is joined from) and at start-up (the
 * service's own {@code /q/openapi}), so both say the same.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class ProblemAnswers implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    static final String REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> REASONS = Map.of(
            "400", "Invalid input: each invalid field is named in `violations`",
            "401", "No token, or one that is invalid or expired",
            "403", "The caller's role may not do this",
            "404", "Nothing with this id, or nothing here",
            "503", "The service, its database or a service it needs is not answering; retry after `Retry-After` seconds");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema(VIOLATION, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field and what is wrong with it")
                .addProperty("field", string("The field's JSON path, e.g. `items[2].quantity`", "items[0].quantity"))
                .addProperty("message", string("What is wrong with it", "must be greater than 0"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An error (RFC 9457): every 4xx and 5xx answer of the platform has this shape")
                .addProperty("type", string("Always `about:blank`", "about:blank"))
                .addProperty("title", string("The status's reason phrase", "Bad Request"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .examples(List.of(400)))
                .addProperty("detail", string("What went wrong, for a person", "The request has invalid fields."))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The invalid fields (400 only)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION)))
                .required(List.of("type", "title", "status")));
        // one server for every document: the ingress the path is reached through (not this instance's port)
        api.setServers(List.of(OASFactory.createServer().url("/").description("the ingress")));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        String service = service(api);
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            answers(path, operation);
            operation.setTags(tags(service, operation.getTags()));
        }));
        api.setTags(null); // the operations' own tags say it all
    }

    /** The service's name, from its document's title ("Lucky Gas customer-service"). */
    static String service(OpenAPI api) {
        String title = api.getInfo() == null || api.getInfo().getTitle() == null ? "" : api.getInfo().getTitle();
        return title.startsWith("Lucky Gas ") ? title.substring("Lucky Gas ".length()) : title;
    }

    /**
     * An operation's tags with its service in front ("Customer Resource" of customer-service:
     * "customer-service: Customer"), so that the platform's document groups operations by service
     * and two services never share a tag.
     */
    static List<String> tags(String service, List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return service.isEmpty() ? List.of() : List.of(service);
        }
        // the filter may run more than once on a document (and before its title is set): idempotent
        return tags.stream().map(t -> t.substring(t.lastIndexOf(": ") + 1).strip())
                .map(t -> t.endsWith(" Resource") ? t.substring(0, t.length() - " Resource".length()) : t)
                .map(t -> service.isEmpty() ? t : service + ": " + t).toList();
    }

    private static void answers(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (readsInput) {
            add(responses, "400");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401");
            add(responses, "403");
            roles(operation);
        } else {
            // no role annotation: the operation is public (login, refresh, the keys), and says so
            operation.setSecurity(List.of());
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        add(responses, "503");
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null) {
                response.setContent(problem());
            }
        });
    }

    /** The roles that may call the operation, said in its description too (Swagger UI shows it). */
    private static void roles(Operation operation) {
        List<String> roles = operation.getSecurity().stream().filter(r -> r.getSchemes() != null)
                .flatMap(r -> r.getSchemes().values().stream()).filter(java.util.Objects::nonNull)
                .flatMap(List::stream).distinct().toList();
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        if (!roles.isEmpty() && !description.contains("Roles: ")) {
            operation.setDescription((description.isEmpty() ? "" : description + "\n\n") + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    private static void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(REASONS.get(code)));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description)
                .examples(List.of(example));
    }
}

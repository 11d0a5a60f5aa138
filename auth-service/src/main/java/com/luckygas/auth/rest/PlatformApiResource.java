package com.luckygas.auth.rest;

import com.luckygas.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The platform's OpenAPI document (docs/adr/0013): the four services' documents joined at build
 * time by api/assemble, packaged into this service, served to anyone (it is public, as the API's
 * shape is) — JSON at {@code /api/openapi}, YAML at {@code /api/openapi.yaml} or with
 * {@code ?format=yaml}; Swagger UI at {@code /api/docs} reads it. An ETag lets a client that has it
 * skip the download.
 */
@Path("/api")
public class PlatformApiResource {

    static final String YAML = "application/yaml";

    private record Document(byte[] bytes, EntityTag tag) {
    }

    private final Document json = read("openapi.json");
    private final Document yaml = read("openapi.yaml");

    @GET
    @Path("/openapi")
    @Operation(hidden = true)
    public Response openapi(@QueryParam("format") String format, @Context Request request) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return answer(json, "application/json", request);
        }
        if (format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")) {
            return answer(yaml, YAML, request);
        }
        throw ProblemException.invalidField("format", "must be json or yaml");
    }

    @GET
    @Path("/openapi.yaml")
    @Operation(hidden = true)
    public Response openapiYaml(@Context Request request) {
        return answer(yaml, YAML, request);
    }

    private static Response answer(Document document, String type, Request request) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(document.tag());
        if (unchanged != null) {
            return unchanged.cacheControl(cache).build();
        }
        return Response.ok(document.bytes(), type + "; charset=UTF-8").tag(document.tag()).cacheControl(cache).build();
    }

    private static Document read(String name) {
        try (InputStream in = PlatformApiResource.class.getResourceAsStream("/platform-api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("platform-api/" + name + " is not packaged: run api/assemble");
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            return new Document(bytes, new EntityTag(hash));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read platform-api/" + name, e);
        }
    }
}

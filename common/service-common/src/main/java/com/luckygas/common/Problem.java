package com.luckygas.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem body. Every 4xx/5xx of every service has this shape, so clients parse one
 * format: {@code type}, {@code title}, {@code status}, {@code detail} and, for validation
 * failures, {@code violations} naming each field and what is wrong with it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One invalid field: its JSON path (e.g. {@code items[2].quantity}) and the reason. */
    @RegisterForReflection
    public record Violation(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("about:blank", "Bad Request", 400, detail, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}

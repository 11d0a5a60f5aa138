package com.luckygas.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than {@code quarkus.http.limits.max-body-size}
 * with a problem body, before it is read. (Vert.x's own limit, which stays as the backstop for
 * chunked uploads, answers 413 with an empty body that clients cannot explain to a user.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final byte[] body;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
                  ObjectMapper mapper) throws Exception {
        this.maxBytes = max.asLongValue();
        this.body = mapper.writeValueAsBytes(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than the limit of " + maxBytes + " bytes."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(body));
                return;
            }
            ctx.next();
        });
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package com.luckygas.common.calls;

import com.luckygas.common.Problem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call to another service that did not give what was asked: unreachable, too slow, its circuit
 * open, or an answer other than a success ({@link #status()} says which, when it answered). A
 * caller may handle a status that means something to it (a 404: "no such order"); otherwise the
 * request fails with a 503 problem naming the service, never the other service's status passed on.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;
    private final Integer status;

    public ServiceUnavailableException(String service, Integer status, String detail, Throwable cause) {
        super(detail, cause);
        this.service = service;
        this.status = status;
    }

    static ServiceUnavailableException of(String service, RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String detail = status == 401 || status == 403 ? service + " refused the request (" + status + ")"
                    : service + " answered " + status;
            return new ServiceUnavailableException(service, status, detail, e);
        }
        if (e instanceof TimeoutException) {
            return new ServiceUnavailableException(service, null, service + " did not answer in time; try again in a moment", e);
        }
        if (e instanceof CircuitBreakerOpenException) {
            return new ServiceUnavailableException(service, null, service + " is failing; try again in a few seconds", e);
        }
        String reason = e instanceof ProcessingException ? " is unreachable" : " could not be called";
        return new ServiceUnavailableException(service, null, service + reason + "; try again in a moment", e);
    }

    public String service() {
        return service;
    }

    /** The other service's answer, or null when it gave none. */
    public Integer status() {
        return status;
    }

    public boolean answered(int status) {
        return this.status != null && this.status == status;
    }

    /** The 503 problem this failure is, unless its caller handles it. */
    public Problem problem() {
        return new Problem("about:blank", "Service Unavailable", 503, getMessage(), List.of());
    }

    /** Maps an unhandled failed call to its 503 problem, with a hint when to retry. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response unavailable(ServiceUnavailableException e) {
            return Response.fromResponse(e.problem().toResponse()).header("Retry-After", "2").build();
        }
    }
}

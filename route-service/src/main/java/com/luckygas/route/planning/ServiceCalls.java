package com.luckygas.route.planning;

import com.luckygas.common.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A call from route-service to another service: unreachable or failing, it is a 503 problem naming
 * that service, never its own status passed on (a 404 of delivery-service is not "no such plan").
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException | IllegalStateException e) {
            throw unavailable(service, e);
        }
    }

    public static ProblemException unavailable(String service, RuntimeException e) {
        String detail;
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            detail = status == 401 || status == 403 ? service + " refused route-service's request (" + status + ")"
                    : service + " answered " + status;
        } else if (e instanceof ProcessingException) {
            detail = service + " is unreachable; try again in a moment";
        } else {
            detail = service + ": " + e.getMessage();
        }
        return new ProblemException(new com.luckygas.common.Problem("about:blank", "Service Unavailable", 503, detail, List.of()));
    }
}

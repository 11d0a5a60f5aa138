package com.luckygas.common.calls;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The one translation of a failed call to another service: around the fault-tolerance
 * interceptors (it runs first), so that what the caller sees is the outcome after timeouts,
 * retries and the circuit breaker.
 */
@ServiceCall("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ServiceCallInterceptor {

    @AroundInvoke
    Object call(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (WebApplicationException | ProcessingException | FaultToleranceException e) {
            throw ServiceUnavailableException.of(service(context), e);
        }
    }

    private static String service(InvocationContext context) {
        ServiceCall binding = context.getInterceptorBinding(ServiceCall.class);
        return binding == null || binding.value().isBlank() ? "another service" : binding.value();
    }
}

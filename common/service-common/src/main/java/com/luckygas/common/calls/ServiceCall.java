package com.luckygas.common.calls;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST client of another service: any way a call fails — the service unreachable, too
 * slow, its circuit open, or an answer that is not a success — reaches the caller as one
 * exception, {@link ServiceUnavailableException}, naming the service, which becomes a 503 problem
 * unless the caller handles it (a 404 that means "no such order", say). Put it on the client
 * interface with the fault-tolerance annotations (a timeout and a circuit breaker for every call,
 * a retry for reads), as every client here does:
 * <pre>
 * &#64;RegisterRestClient(configKey = "customer")
 * &#64;ServiceCall("customer-service")
 * &#64;Timeout(value = 6, unit = ChronoUnit.SECONDS)
 * &#64;CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000, failOn = {ProcessingException.class, TimeoutException.class})
 * public interface CustomerClient { … }
 * </pre>
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ServiceCall {

    /** The service called, as people name it: "customer-service". */
    @Nonbinding
    String value();
}

package com.luckygas.delivery.customer;

import com.luckygas.common.calls.ServiceCall;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import com.luckygas.common.calls.CallerToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service as delivery-service reads it, with the caller's own token (propagated
 * Authorization header, docs/adr/0002) or, for scheduled work, the one given: the bulk lookup
 * (one call however many customers an operation needs, up to 500) and the areas with their
 * depots. Reads only: a connection that failed is tried once more.
 */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders(CallerToken.class)
@ServiceCall("customer-service")
@Timeout(value = 6, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000,
                failOn = {ProcessingException.class, TimeoutException.class})
@Path("/api/customers")
public interface CustomerClient {

    record Lookup(List<Long> ids) {
    }

    record Customer(long id, String code, String shortName, String area, String type, boolean active, List<String> phones) {

        /** The number to text: the first mobile number, if the customer has one. */
        public String mobile() {
            return phones == null ? null : phones.stream().filter(p -> p.startsWith("09")).findFirst().orElse(null);
        }
    }

    record Found(List<Customer> items, List<Long> missing) {
    }

    /**
     * What the run-out forecast and the accounts need of a customer: who to call, the client list's
     * average daily use, how the customer pays (CASH, MONTHLY, TRANSFER; null when not set).
     */
    record Profile(long id, String code, String shortName, String area, List<String> phones,
                   BigDecimal avgDailyUseKg, boolean active, boolean terminated, String paymentTerm) {
    }

    record Profiles(List<Profile> items, List<Long> missing) {
    }

    /**
     * A customer as the office sees it on the customer card: who, where, how to call, how it pays
     * and is served ({@code version}: what a change to it must name in If-Match).
     */
    record Details(long id, String code, String shortName, String invoiceTitle, List<String> phones, String address,
                   String area, String type, String paymentTerm, String pricingMethod, List<Integer> acceptedHours,
                   String preferredSlot, String closedDays, String vehicleAccess, BigDecimal avgDailyUseKg,
                   boolean subscriptionMember, boolean needsSameDay, List<String> equipment, String deliveryNotes,
                   boolean active, boolean terminated, boolean incomplete, long version) {
    }

    record Detailed(List<Details> items, List<Long> missing) {
    }

    /** An area and the depot that serves it (none set: null). */
    record Area(String name, Long depotId) {
    }

    @POST
    @Path("/lookup")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    Found lookup(Lookup request);

    /** The same lookup, read as forecast profiles (with the caller's token). */
    @POST
    @Path("/lookup")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    Profiles profiles(Lookup request);

    /**
     * The same lookup, read as the customer card's details: a customer on the phone waits, so
     * two seconds and no retry (the card then shows without them).
     */
    @POST
    @Path("/lookup")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    Detailed details(Lookup request);

    /** The same, with a token given explicitly: a service token for scheduled work. */
    @POST
    @Path("/lookup")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    Found lookup(@HeaderParam("Authorization") String authorization, Lookup request);

    @GET
    @Path("/areas")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    List<Area> areas();
}

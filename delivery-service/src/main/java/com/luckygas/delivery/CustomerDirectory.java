package com.luckygas.delivery;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service's bulk lookup, called with the caller's own token (propagated Authorization
 * header, docs/adr/0002): one call however many customers an operation needs.
 */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders
@Path("/api/customers/lookup")
public interface CustomerDirectory {

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

    /** What the run-out forecast needs of a customer: who to call, and the client list's average daily use. */
    record Profile(long id, String code, String shortName, String area, List<String> phones,
                   java.math.BigDecimal avgDailyUseKg, boolean active, boolean terminated) {
    }

    record Profiles(List<Profile> items, List<Long> missing) {
    }

    @POST
    Found lookup(Lookup request);

    /** The same lookup, read as forecast profiles (with the caller's token). */
    @POST
    Profiles profiles(Lookup request);

    /** The same, with a token given explicitly: a service token for scheduled work. */
    @POST
    Found lookup(@HeaderParam("Authorization") String authorization, Lookup request);
}

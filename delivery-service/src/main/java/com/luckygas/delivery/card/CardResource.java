package com.luckygas.delivery.card;

import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The customer card (issue 19, docs/adr/0012): what the office sees while the customer waits on
 * the phone, in one request.
 */
@Path("/api/cards")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class CardResource {

    private final CustomerCards cards;

    CardResource(CustomerCards cards) {
        this.cards = cards;
    }

    /**
     * The customer, open orders, last deliveries, expected run-out, cylinders held and deposit,
     * amount owed and its age, safety check due; a part that could not be read is null and named
     * in {@code unavailable}. 404 when customer-service knows no such customer.
     */
    @GET
    @Path("/customers/{customerId}")
    public CustomerCard customer(@PathParam("customerId") long customerId) {
        return cards.of(customerId);
    }
}

package com.luckygas.delivery.customer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A depot's territory: the areas whose customers it serves, as customer-service keeps them (each
 * area names its depot). The orders list and the dashboard filter by it; an order counts for the
 * depot of the area it was taken in.
 */
@ApplicationScoped
public class Territories {

    private final CustomerClient customers;

    Territories(@RestClient CustomerClient customers) {
        this.customers = customers;
    }

    /** The areas depot {@code depotId} serves (none: an unknown depot, or one without areas yet). */
    public List<String> areasOf(long depotId) {
        return customers.areas().stream().filter(a -> a.depotId() != null && a.depotId() == depotId)
                .map(CustomerClient.Area::name).toList();
    }
}

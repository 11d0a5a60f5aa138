package com.luckygas.delivery;

import com.luckygas.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A depot's territory: the areas whose customers it serves, as customer-service keeps them (each
 * area names its depot). The orders list and the dashboard filter by it; an order counts for the
 * depot of the area it was taken in.
 */
@ApplicationScoped
public class Territories {

    private final AreaClient areas;

    Territories(@RestClient AreaClient areas) {
        this.areas = areas;
    }

    /** The areas depot {@code depotId} serves (none: an unknown depot, or one without areas yet). */
    public List<String> areasOf(long depotId) {
        List<AreaClient.Area> all;
        try {
            all = areas.areas();
        } catch (WebApplicationException | ProcessingException e) {
            throw new ProblemException(503, "Service Unavailable",
                    "customer-service cannot be reached to read depot " + depotId + "'s areas; try again in a moment.");
        }
        return all.stream().filter(a -> a.depotId() != null && a.depotId() == depotId).map(AreaClient.Area::name).toList();
    }
}

package com.luckygas.route.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.route.planning.domain.TravelMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Travel between a plan's places: a road matrix from OSRM when configured, else great-circle estimates. */
@ApplicationScoped
public class Travel {

    private final RoutingSettings settings;
    private final ObjectMapper json;

    Travel(RoutingSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    public TravelMatrix matrix(List<Coordinates> places) {
        if (settings.osrmUrl().isPresent() && !settings.osrmUrl().get().isBlank()) {
            return OsrmMatrix.matrix(settings.osrmUrl().get(), places, settings, json);
        }
        return GreatCircle.matrix(places, settings);
    }
}

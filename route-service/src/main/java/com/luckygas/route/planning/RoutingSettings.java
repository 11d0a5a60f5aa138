package com.luckygas.route.planning;

import com.luckygas.route.planning.domain.VehicleKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Route planning settings ({@code luckygas.routing.*}): how travel is estimated, how long a stop
 * and a reload take, how long a plan may solve.
 */
@ConfigMapping(prefix = "luckygas.routing")
public interface RoutingSettings {

    /** Road distance ÷ straight-line distance in town (1.3 is typical for Taiwanese streets). */
    @WithDefault("1.3")
    double roadFactor();

    /** Average speed of a car in town, km/h. */
    @WithDefault("28")
    double carKmh();

    /** Average speed of a scooter in town, km/h. */
    @WithDefault("22")
    double scooterKmh();

    /** Time at a door: parking, carrying, swapping the empty, collecting cash. */
    @WithDefault("4M")
    Duration stopBase();

    /** Added per cylinder carried in. */
    @WithDefault("1M")
    Duration stopPerCylinder();

    /**
     * Going back to the depot to reload during the shift (several trips a day): the time at the
     * depot, on top of the travel there and back out.
     */
    @WithDefault("10M")
    Duration reload();

    /** The longest a plan may solve, whatever its size. */
    @WithDefault("30S")
    Duration maxSolve();

    /**
     * An OSRM server's base URL (e.g. {@code http://osrm:5000}) for a real road matrix; empty
     * means great-circle estimates.
     */
    Optional<String> osrmUrl();

    default double metersPerSecond(VehicleKind kind) {
        return (kind == VehicleKind.SCOOTER ? scooterKmh() : carKmh()) / 3.6;
    }
}

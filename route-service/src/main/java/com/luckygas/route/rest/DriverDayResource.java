package com.luckygas.route.rest;

import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import com.luckygas.route.planning.DriverDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The driver's day: his stops of today's published plan in order, with what he needs at the
 * door, and nothing about other drivers. The office reads any driver's route of a plan.
 */
@Path("/api/routes")
public class DriverDayResource {

    private final DriverDays days;
    private final JsonWebToken jwt;
    private final Clock clock;

    DriverDayResource(DriverDays days, JsonWebToken jwt, Clock clock) {
        this.days = days;
        this.jwt = jwt;
        this.clock = clock;
    }

    /**
     * Today's (Asia/Taipei) stops of the calling driver in order, each with its state now (DONE,
     * FAILED, NEXT, TO_COME, CANCELLED) and estimated times from where he is; his trips and break.
     * None when no published plan names him.
     */
    @GET
    @Path("/my/today")
    @RolesAllowed(Roles.DRIVER)
    public DriverDays.DriverDay today() {
        String driverId = Caller.of(jwt).requireDriverId();
        LocalDate today = LocalDate.now(clock);
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> DriverDays.publishedFor(driverId, today));
        return days.day(plan == null ? null : plan.id, driverId, today, "Bearer " + jwt.getRawToken(), true);
    }
}

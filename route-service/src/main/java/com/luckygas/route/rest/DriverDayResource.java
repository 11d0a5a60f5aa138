package com.luckygas.route.rest;

import com.luckygas.common.ProblemException;
import com.luckygas.route.planning.PlanViews;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The driver's day: his stops of today's published plan in order, with what he needs at the
 * door, and nothing about other drivers. The office reads any driver's route of a plan.
 */
@Path("/api/routes")
public class DriverDayResource {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final PlanViews views;
    private final JsonWebToken jwt;

    DriverDayResource(PlanViews views, JsonWebToken jwt) {
        this.views = views;
        this.jwt = jwt;
    }

    /** Today's (Asia/Taipei) stops of the calling driver; none when no plan names him. */
    @GET
    @Path("/my/today")
    @RolesAllowed("DRIVER")
    @Transactional
    public PlanViews.DriverDay today() {
        String driverId = driverId(jwt);
        LocalDate today = LocalDate.now(TAIPEI);
        RoutePlan plan = RoutePlan.find("""
                from RoutePlan p where p.planDate = ?1 and p.status = ?2
                and exists (select 1 from PlanRoute r where r.planId = p.id and r.driverId = ?3)
                order by p.id desc""", today, RoutePlan.Status.PUBLISHED, driverId).firstResult();
        return views.day(plan, driverId, today);
    }

    static String driverId(JsonWebToken jwt) {
        Object claim = jwt.getClaim("driver_id");
        if (claim == null) {
            throw ProblemException.notFound("The token names no driver.");
        }
        return claim instanceof jakarta.json.JsonString text ? text.getString() : claim.toString();
    }
}

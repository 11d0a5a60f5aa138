package com.luckygas.delivery.rest;

import com.luckygas.common.DateParam;
import com.luckygas.delivery.Dashboard;
import com.luckygas.delivery.OrderBook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The office's numbers. (The monthly report, archival and the run-out forecast are still to come: issue 5.) */
@Path("/api/reports")
@RolesAllowed({"ADMIN", "OFFICE"})
public class ReportResource {

    private final Dashboard dashboard;

    ReportResource(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /**
     * One day (default today, Taipei): orders by status, per driver and per area; deliveries,
     * cylinders per product, kg of flow gas and cash collected, in all and per driver; the failed
     * stops with their reasons.
     */
    @GET
    @Path("/dashboard")
    public Dashboard.Day dashboard(@QueryParam("date") String date) {
        LocalDate day = date != null ? DateParam.parse(date, "date") : LocalDate.now(OrderBook.TAIPEI);
        return dashboard.of(day);
    }
}

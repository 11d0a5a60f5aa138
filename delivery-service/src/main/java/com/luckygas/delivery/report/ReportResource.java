package com.luckygas.delivery.report;

import com.luckygas.delivery.jobs.Job;
import com.luckygas.delivery.jobs.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.forecast.RunOutForecast;
import com.luckygas.delivery.customer.Territories;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.YearMonth;

/** The office's numbers: the day's dashboard, the monthly report, who runs out of gas soon. */
@Path("/api/reports")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class ReportResource {

    private final Dashboard dashboard;
    private final MonthlyReport monthly;
    private final RunOutForecast forecast;
    private final Territories territories;
    private final java.time.Clock clock;
    private final Jobs jobs;
    private final SecurityIdentity caller;

    ReportResource(Dashboard dashboard, MonthlyReport monthly, RunOutForecast forecast, Territories territories,
                   java.time.Clock clock, Jobs jobs, SecurityIdentity caller) {
        this.jobs = jobs;
        this.caller = caller;
        this.dashboard = dashboard;
        this.monthly = monthly;
        this.forecast = forecast;
        this.territories = territories;
        this.clock = clock;
    }

    /**
     * Active customers (a delivery in the last year) without an open order whose gas is expected to
     * run out within {@code within} days of {@code date} (default today, Taipei; overdue ones
     * included), soonest first, then by customer id; optionally of one {@code area}. Each item
     * says what its forecast rests on.
     */
    @GET
    @Path("/forecast")
    public RunOutForecast.Page forecast(@QueryParam("within") @DefaultValue("7") @Min(0) @Max(3650) int within,
                                        @QueryParam("area") String area, @QueryParam("date") LocalDate date,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        return forecast.list(day, within, area == null || area.isBlank() ? null : area.strip(), page, size);
    }

    /**
     * The month {@code month} (or months {@code from}..{@code to}, as 2026-05): deliveries,
     * revenue and quantity per product, in all and by area, driver and customer type, each with
     * the same months a year earlier. {@code format=csv} or {@code format=xlsx} downloads it
     * (Chinese headers; the CSV is UTF-8 with BOM so that Excel reads it right).
     */
    @GET
    @Path("/monthly")
    @APIResponse(responseCode = "200", description = "The months (JSON), or a file to download (csv, xlsx)",
                 content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyReport.Month.class)),
                            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response monthly(@QueryParam("month") YearMonth month, @QueryParam("from") YearMonth from,
                            @QueryParam("to") YearMonth to, @QueryParam("format") @DefaultValue("json") String format) {
        YearMonth first = month != null ? month : from;
        YearMonth last = month == null && to != null ? to : first;
        if (first == null) {
            throw ProblemException.invalidField("month", "is required, like 2026-05");
        }
        if (last.isBefore(first) || first.plusMonths(24).isBefore(last)) {
            throw ProblemException.invalidField("to", "must be from 'from' to 24 months after it");
        }
        MonthlyReport.Month report = monthly.of(first, last);
        String file = "monthly-" + first + "-" + last;
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(MonthlyTable.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
        }
        if ("xlsx".equalsIgnoreCase(format)) {
            return Response.ok(MonthlyTable.xlsx(report), MonthlyTable.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalidField("format", "must be json, csv or xlsx");
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Rebuilds the report views now (they are also rebuilt every hour; the importer rebuilds them itself after a load). */
    @POST
    @Path("/refresh")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @APIResponse(responseCode = "204", description = "The report views are rebuilt")
    public Response refresh() {
        jobs.run(Job.REPORT_REFRESH, Jobs.by(caller));
        return Response.noContent().build();
    }

    /**
     * One day (default today, Taipei): orders by status, per driver and per area; deliveries,
     * cylinders per product, kg of flow gas and cash collected, in all and per driver; the failed
     * stops with their reasons. With {@code depotId}: the orders and deliveries of that depot's
     * areas only.
     */
    @GET
    @Path("/dashboard")
    public Dashboard.Day dashboard(@QueryParam("date") LocalDate date,
                                   @QueryParam("depotId") @jakarta.validation.constraints.Positive Long depotId) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        return dashboard.of(day, depotId == null ? null : territories.areasOf(depotId));
    }
}

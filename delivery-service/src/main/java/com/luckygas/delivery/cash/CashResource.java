package com.luckygas.delivery.cash;

import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The drivers' cash (docs/adr/0009): each driver's day — what he should have, what he recorded,
 * what the office received — closed by the office once a day; the cash still out with drivers.
 */
@Path("/api/cash")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class CashResource {

    /** A driver's id as drivers are named (route-service), e.g. D01. */
    static final String DRIVER_ID = "[A-Za-z0-9_-]{1,40}";

    private final CashBook book;
    private final JsonWebToken jwt;

    CashResource(CashBook book, JsonWebToken jwt) {
        this.book = book;
        this.jwt = jwt;
    }

    /** Every driver with deliveries that day, with what each should hand in and whether the day is closed. */
    @GET
    @Path("/days/{day}")
    @Transactional
    public List<CashBook.CashDay> day(@PathParam("day") LocalDate day) {
        return book.dayOfAll(day);
    }

    /** One driver's day. */
    @GET
    @Path("/drivers/{driverId}/days/{day}")
    @Transactional
    public CashBook.CashDay driverDay(@PathParam("driverId") @Pattern(regexp = DRIVER_ID) String driverId,
                                      @PathParam("day") LocalDate day) {
        return book.day(driverId, day);
    }

    /**
     * Closes the driver's day with what the office received from him (and why it differs from what
     * he should have). Closing it again the same way is harmless; after it, his deliveries of that
     * day change only by an ADMIN correction.
     */
    @POST
    @Path("/drivers/{driverId}/days/{day}/close")
    public CashBook.CashDay close(@PathParam("driverId") @Pattern(regexp = DRIVER_ID) String driverId,
                                  @PathParam("day") LocalDate day, @Valid @NotNull CashBook.CloseInput input) {
        return book.close(driverId, day, input, jwt.getName());
    }

    /** Cash still with the drivers: per driver, his days of the last {@code days} (31) not closed yet and what they hold. */
    @GET
    @Path("/out")
    @Transactional
    public List<CashBook.Out> out(@QueryParam("days") @DefaultValue("31") @Min(1) @Max(3660) int days) {
        return book.out(days);
    }
}

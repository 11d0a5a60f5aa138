package com.luckygas.delivery.cylinder;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The cylinder ledger (docs/adr/0009): what each customer holds of the company's cylinders, per
 * product, at any date; its movements; counts at the site and cylinders lent, returned, lost or
 * scrapped; deposits; the totals and the customers to look at.
 */
@Path("/api/cylinders")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class CylinderResource {

    private final CylinderBalances balances;
    private final CylinderBook book;
    private final CylinderMoves moves;
    private final CylinderTotals totals;
    private final DepositRates rates;
    private final JsonWebToken jwt;
    private final Clock clock;

    CylinderResource(CylinderBalances balances, CylinderBook book, CylinderMoves moves, CylinderTotals totals,
                     DepositRates rates, JsonWebToken jwt, Clock clock) {
        this.balances = balances;
        this.book = book;
        this.moves = moves;
        this.totals = totals;
        this.rates = rates;
        this.jwt = jwt;
        this.clock = clock;
    }

    /**
     * A customer's cylinders per product now, or at the end of {@code date}: {@code held} (never
     * negative), {@code unaccounted} (empties collected beyond what the ledger knew of: the office
     * should count at the site), the cylinders on deposit and the deposit held; the last count.
     */
    @GET
    @Path("/customers/{customerId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    @Transactional
    public CylinderBalances.Balance balance(@PathParam("customerId") long customerId, @QueryParam("date") LocalDate date) {
        return date == null || !date.isBefore(LocalDate.now(clock)) ? balances.current(customerId)
                : balances.atEndOf(customerId, date);
    }

    /** The customer's movements, newest first; pass {@code next} as {@code cursor} for the following page. */
    @GET
    @Path("/customers/{customerId}/movements")
    @Transactional
    public CylinderMoves.Page movements(@PathParam("customerId") long customerId, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return moves.page(customerId, cursor, limit);
    }

    /** Records a count of every cylinder product at the site (products not listed: none there); 201 with the new balance. */
    @POST
    @Path("/customers/{customerId}/counts")
    @APIResponse(responseCode = "201", description = "The balance after the count",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CylinderBalances.Balance.class)))
    public jakarta.ws.rs.core.Response count(@PathParam("customerId") long customerId,
                                             @Valid @NotNull CylinderBook.CountInput input) {
        book.requireCustomer(customerId);
        CylinderBalances.Balance after = book.count(customerId, input, jwt.getName());
        return jakarta.ws.rs.core.Response.status(201).entity(after).build();
    }

    /** Records cylinders lent, returned, lost or scrapped (with the deposit taken or refunded); 201 with the new balance. */
    @POST
    @Path("/customers/{customerId}/movements")
    @APIResponse(responseCode = "201", description = "The balance after the movement",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CylinderBalances.Balance.class)))
    public jakarta.ws.rs.core.Response move(@PathParam("customerId") long customerId,
                                            @Valid @NotNull CylinderBook.MoveInput input) {
        book.requireCustomer(customerId);
        CylinderBalances.Balance after = book.move(customerId, input, jwt.getName());
        return jakarta.ws.rs.core.Response.status(201).entity(after).build();
    }

    /** The company's cylinders out at customers per product, now or at the end of {@code date}. */
    @GET
    @Path("/totals")
    @Transactional
    public CylinderTotals.Totals totals(@QueryParam("date") LocalDate date) {
        return totals.totals(date == null ? LocalDate.now(clock) : date);
    }

    /**
     * Customers to look at: holding more than twice their largest delivery of the last year,
     * not delivered for {@code notSeenMonths} (default 6) while holding cylinders, or with
     * unexplained empties.
     */
    @GET
    @Path("/attention")
    @Transactional
    public List<CylinderTotals.Attention> attention(@QueryParam("notSeenMonths") @DefaultValue("6") @Min(1) @Max(120)
                                                    int notSeenMonths) {
        return totals.attention(notSeenMonths);
    }

    /** The deposit per cylinder in force today, per cylinder product (none set: not listed). */
    @GET
    @Path("/deposit-rates")
    @Transactional
    public List<DepositRates.Rate> depositRates() {
        return rates.inForce(LocalDate.now(clock));
    }

    /** Sets the deposit per cylinder of a product from {@code validFrom} (default today) on. ADMIN only. */
    @PUT
    @Path("/deposit-rates/{productCode}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public DepositRates.Rate setDepositRate(@PathParam("productCode") String productCode,
                                           @Valid @NotNull DepositRates.RateInput input) {
        return rates.set(productCode, input, jwt.getName());
    }
}

package com.luckygas.delivery.account;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Roles;
import com.luckygas.delivery.Sheets;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.forecast.CustomerProfiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Customers' accounts (docs/adr/0009): the balance and its age, a monthly statement (JSON or
 * xlsx), payments recorded by the office, and the list of everyone who owes, aged.
 */
@Path("/api/accounts")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class AccountResource {

    private final Accounts accounts;
    private final Payments payments;
    private final CustomerProfiles customers;
    private final JsonWebToken jwt;
    private final Clock clock;

    AccountResource(Accounts accounts, Payments payments, CustomerProfiles customers, JsonWebToken jwt, Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.customers = customers;
        this.jwt = jwt;
        this.clock = clock;
    }

    public record Recorded(Accounts.Payment payment, Accounts.Balance balance) {
    }

    public record OwedList(LocalDate asOf, long total, Accounts.Aging aging, List<Accounts.Owed> customers) {
    }

    /** What the customer owes now (negative: in credit), aged; {@code version} is what a payment names. */
    @GET
    @Path("/customers/{customerId}")
    @Transactional
    public Accounts.Balance balance(@PathParam("customerId") long customerId) {
        profile(customerId);
        return accounts.balance(customerId, LocalDate.now(clock));
    }

    /** The customer's statement of a month ({@code 2026-05}): as JSON, or {@code format=xlsx} to download. */
    @GET
    @Path("/customers/{customerId}/statements/{month}")
    @Transactional
    @APIResponse(responseCode = "200", description = "The statement (JSON), or the xlsx for the customer",
                 content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accounts.Statement.class)),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response statement(@PathParam("customerId") long customerId, @PathParam("month") YearMonth month,
                              @QueryParam("format") @DefaultValue("json") String format) {
        if (!"json".equalsIgnoreCase(format) && !"xlsx".equalsIgnoreCase(format)) {
            throw ProblemException.invalidField("format", "must be json or xlsx");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw ProblemException.invalidField("month", "is in the future");
        }
        CustomerClient.Profile p = profile(customerId);
        Accounts.Statement s = accounts.statement(customerId, month);
        Accounts.Statement named = new Accounts.Statement(s.customerId(), p.code(), p.shortName(), p.paymentTerm(),
                s.month(), s.broughtForward(), s.deliveries(), s.payments(), s.charged(), s.collected(), s.paid(),
                s.carriedForward(), s.version());
        if ("xlsx".equalsIgnoreCase(format)) {
            return Response.ok(StatementTable.xlsx(named), Sheets.XLSX).header("Content-Disposition",
                    "attachment; filename=\"statement-" + p.code() + "-" + month + ".xlsx\"").build();
        }
        return Response.ok(named, MediaType.APPLICATION_JSON).build();
    }

    /** Records a payment; {@code version} is the account version the user saw (409 when someone recorded one since). */
    @POST
    @Path("/customers/{customerId}/payments")
    @APIResponse(responseCode = "201", description = "The payment and the new balance",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recorded.class)))
    public Response pay(@PathParam("customerId") long customerId, @Valid @NotNull Payments.PaymentInput input) {
        profile(customerId);
        Accounts.Payment payment = payments.record(customerId, input, jwt.getName());
        return Response.status(201).entity(new Recorded(payment, balanceNow(customerId))).build();
    }

    /** Takes back a payment recorded by mistake, with the reason (audited); the answer is the new balance. */
    @POST
    @Path("/customers/{customerId}/payments/{paymentId}/remove")
    public Accounts.Balance remove(@PathParam("customerId") long customerId, @PathParam("paymentId") long paymentId,
                                   @Valid @NotNull Payments.Removal removal) {
        payments.remove(customerId, paymentId, removal, jwt.getName());
        return balanceNow(customerId);
    }

    /** Everyone who owes, most first, aged (0–30, 31–60, 61–90, over 90 days) as of {@code asOf} (today). */
    @GET
    @Path("/owed")
    @Transactional
    public OwedList owed(@QueryParam("asOf") LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        List<Accounts.Owed> owed = accounts.owed(day);
        Map<Long, CustomerClient.Profile> names = customers.of(owed.stream().map(Accounts.Owed::customerId).toList());
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        List<Accounts.Owed> named = new java.util.ArrayList<>(owed.size());
        for (Accounts.Owed o : owed) {
            CustomerClient.Profile p = names.get(o.customerId());
            named.add(new Accounts.Owed(o.customerId(), p == null ? null : p.code(), p == null ? null : p.shortName(),
                    p == null ? null : p.paymentTerm(), o.owed(), o.aging()));
            a += o.aging().days0to30();
            b += o.aging().days31to60();
            c += o.aging().days61to90();
            d += o.aging().over90();
        }
        return new OwedList(day, a + b + c + d, new Accounts.Aging(a, b, c, d), named);
    }

    private Accounts.Balance balanceNow(long customerId) {
        return accounts.balance(customerId, LocalDate.now(clock));
    }

    private CustomerClient.Profile profile(long customerId) {
        CustomerClient.Profile p = customers.of(List.of(customerId)).get(customerId);
        if (p == null) {
            throw ProblemException.notFound("No customer with id " + customerId + ".");
        }
        return p;
    }
}

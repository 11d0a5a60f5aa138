package com.luckygas.delivery.safety;

import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import com.luckygas.delivery.Sheets;
import com.luckygas.delivery.proof.Proofs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The safety check of customers' gas installations (issue 18): recorded at a stop by the driver
 * or at a customer by the safety technician (or the office entering a paper form), each once per
 * key; a customer's status and who is due; open issues; intervals per customer type (ADMIN); the
 * records of a period as xlsx for the authority.
 */
@Path("/api/safety")
public class SafetyResource {

    private final SafetyChecks checks;
    private final SafetyBook book;
    private final SafetyIntervals intervals;
    private final JsonWebToken jwt;

    SafetyResource(SafetyChecks checks, SafetyBook book, SafetyIntervals intervals, JsonWebToken jwt) {
        this.checks = checks;
        this.book = book;
        this.intervals = intervals;
        this.jwt = jwt;
    }

    /**
     * Records a check. The {@code Idempotency-Key} (made by the phone or the screen) is required: the
     * same key again answers what the first answered; with other content it is a 422.
     */
    @POST
    @Path("/checks")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN, Roles.DRIVER})
    @APIResponse(responseCode = "200", description = "The check", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckView.class)))
    public Response record(@HeaderParam("Idempotency-Key") @NotNull @Size(min = 8, max = 100)
                           @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits, '_', '.', ':' or '-'")
                           String key, @Valid @NotNull RecordCheck request) {
        return checks.record(key, request, Caller.of(jwt), role(jwt), false).toResponse();
    }

    @GET
    @Path("/checks/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN, Roles.DRIVER})
    @Transactional
    public CheckView check(@PathParam("id") long id) {
        return checks.visible(id, Caller.of(jwt));
    }

    /** The check's photo sent afterwards (the file itself as the body): 201, or 200 when it was there already. */
    @PUT
    @Path("/checks/{id}/photo")
    @Consumes("*/*")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN, Roles.DRIVER})
    @Transactional
    @APIResponse(responseCode = "201", description = "The check with its photo; Location names the photo",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "200", description = "The same photo again: sent before",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckView.class)))
    public Response photo(@PathParam("id") long id,
                          @RequestBody(content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                                  @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
                          byte[] file) {
        SafetyChecks.Attached attached = checks.photo(id, file, Caller.of(jwt));
        return attached.created()
                ? Response.created(URI.create(attached.check().photo())).entity(attached.check()).build()
                : Response.ok(attached.check()).build();
    }

    @GET
    @Path("/checks/{id}/photo")
    @Produces({"image/jpeg", "image/png"})
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN, Roles.DRIVER})
    @Transactional
    @APIResponse(responseCode = "200", description = "The photo, as stored (location metadata removed)",
                 content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response photoFile(@PathParam("id") long id) {
        Proofs.File photo = checks.photoOf(id, Caller.of(jwt));
        return Response.ok(photo.bytes(), MediaType.valueOf(photo.mediaType()))
                .header("Cache-Control", "private, max-age=3600").header("X-Content-Type-Options", "nosniff").build();
    }

    /** A customer's status: next due (null: never checked, due now), open issues, last checks. */
    @GET
    @Path("/customers/{customerId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN})
    @Transactional
    public SafetyBook.CustomerStatus customer(@PathParam("customerId") long customerId) {
        return book.status(customerId);
    }

    /** Customers served in the last year whose check is due by the end of {@code month} (this month when not given). */
    @GET
    @Path("/due")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN})
    @Transactional
    public SafetyBook.Slice<SafetyBook.Due> due(@QueryParam("month") YearMonth month,
                                               @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                               @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return book.due(month != null ? month : YearMonth.from(book.endOfThisMonth()), after, size);
    }

    /** Open issues: items failed and not passed by a later check, by customer. */
    @GET
    @Path("/issues")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN})
    @Transactional
    public SafetyBook.Slice<SafetyBook.CustomerIssue> issues(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                                             @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return book.issues(after, size);
    }

    /**
     * Every check done from {@code from} to {@code to} (at most a year): JSON, or with
     * {@code format=xlsx} the workbook for the authority (Chinese headers).
     */
    @GET
    @Path("/records")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Transactional
    @Produces({MediaType.APPLICATION_JSON, Sheets.XLSX})
    @APIResponse(responseCode = "200", description = "The checks of the period",
                 content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CheckView.class)),
                            @Content(mediaType = Sheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response records(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
                            @QueryParam("format") @DefaultValue("json") String format) {
        List<CheckView> list = book.period(from, to);
        if ("xlsx".equalsIgnoreCase(format)) {
            return Response.ok(SafetyTable.xlsx(from, to, list, book.customersOf(list)), Sheets.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"safety-checks-" + from + "-" + to + ".xlsx\"")
                    .build();
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalidField("format", "must be json or xlsx");
        }
        return Response.ok(list, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/intervals")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN})
    public List<SafetyIntervals.Interval> intervals() {
        return intervals.all();
    }

    /** Sets the interval of a customer type ({@code *}: every type without its own). */
    @PUT
    @Path("/intervals/{customerType}")
    @RolesAllowed(Roles.ADMIN)
    public SafetyIntervals.Interval setInterval(@PathParam("customerType") String customerType,
                                                @Valid @NotNull SafetyIntervals.SetInterval request) {
        return intervals.set(customerType, request, Caller.of(jwt).username());
    }

    @DELETE
    @Path("/intervals/{customerType}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Removed: the default interval applies")
    public Response removeInterval(@PathParam("customerType") String customerType) {
        intervals.remove(customerType);
        return Response.noContent().build();
    }

    /** The role a check is recorded under: the caller's. */
    static String role(JsonWebToken jwt) {
        for (String role : List.of(Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN, Roles.DRIVER)) {
            if (jwt.getGroups().contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("no role");
    }
}

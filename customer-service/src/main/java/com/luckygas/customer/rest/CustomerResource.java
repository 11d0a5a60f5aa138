package com.luckygas.customer.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.luckygas.common.Page;
import com.luckygas.common.ProblemException;
import com.luckygas.customer.CustomerBook;
import com.luckygas.customer.CustomerInput;
import com.luckygas.customer.CustomerSearch;
import com.luckygas.customer.CustomerSummary;
import com.luckygas.customer.CustomerView;
import com.luckygas.customer.DeliveryClient;
import com.luckygas.customer.PhoneNumbers;
import com.luckygas.common.calls.ServiceUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The customer book. ADMIN and OFFICE may do everything here; DRIVER gets 403 (drivers see their
 * stops' customers through route-service). Responses carry the version as {@code ETag}; updates
 * must name the version they were made against ({@code If-Match} or the {@code version} field).
 */
@Path("/api/customers")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class CustomerResource {

    private static final Logger LOG = Logger.getLogger(CustomerResource.class);

    public record LookupRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull Long> ids) {
    }

    public record LookupResponse(List<CustomerView> items, List<Long> missing) {
    }

    private final CustomerBook book;
    private final CustomerSearch search;
    private final DeliveryClient history;

    CustomerResource(CustomerBook book, CustomerSearch search, @RestClient DeliveryClient history) {
        this.book = book;
        this.search = search;
        this.history = history;
    }

    /**
     * Search and list. {@code q}: exact code, a phone number in any format or its last 6+ digits,
     * or part of the short name, invoice title or address — compared as people type them (臺/台 and
     * other variant pairs, full-width digits and letters, case: {@code customer.fold}). Sorted by relevance when {@code q} is given (exact code
     * first), else by code; {@code sort} = RELEVANCE | CODE | NAME | UPDATED. Each item is a
     * summary; {@code GET /api/customers/{id}} has the whole customer.
     */
    @GET
    public Page<CustomerSummary> list(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("area") String area,
                                   @QueryParam("type") String type,
                                   @QueryParam("active") Boolean active,
                                   @QueryParam("hasCoordinates") Boolean hasCoordinates,
                                   @QueryParam("sort") CustomerSearch.Sort sort,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return search.search(new CustomerSearch.Filters(q, area, type, active, hasCoordinates),
                sort, page, size);
    }

    /** Who is calling: the customers an incoming number belongs to, for a phone system's screen pop. */
    public record Callers(String number, List<CustomerSummary> customers) {
    }

    /**
     * The customers whose phones include {@code number} (any format a phone system sends:
     * {@code +886223456789}, {@code 02-2345-6789}): none, one, or several sharing it, active first.
     * 400 naming {@code number} when it is not a Taiwan number (a withheld or internal one).
     */
    @GET
    @Path("/callers")
    public Callers callers(@QueryParam("number") String number) {
        String phone = PhoneNumbers.normalise(number)
                .orElseThrow(() -> ProblemException.invalidField("number", "is not a Taiwan phone number"));
        return new Callers(phone, search.callersOf(phone));
    }

    /** One customer; the safety technician reads the customers he visits (address, access, phones) here too. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.TECHNICIAN})
    @APIResponse(responseCode = "200", description = "The customer; ETag is its version, for If-Match",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), card(book.view(id)));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The customer; Location names it, ETag is its version",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response create(@Valid @NotNull CustomerInput input, @Context UriInfo uri) {
        CustomerView created = book.create(input);
        return withTag(Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()),
                created.withCylindersHeld(Map.of()));
    }

    /** Full update: every field as it should be afterwards. */
    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The customer as saved; ETag is its new version",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull CustomerInput input) {
        return withTag(Response.ok(), card(book.replace(id, input, version(ifMatch))));
    }

    /** Partial update (JSON merge patch): only the fields sent change; null clears a field. */
    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The customer as saved; ETag is its new version",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return withTag(Response.ok(), card(book.patch(id, patch, version(ifMatch))));
    }

    @POST
    @Path("/{id}/deactivate")
    @APIResponse(responseCode = "200", description = "The customer, inactive",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response deactivate(@PathParam("id") long id) {
        return withTag(Response.ok(), card(book.setActive(id, false)));
    }

    @POST
    @Path("/{id}/reactivate")
    @APIResponse(responseCode = "200", description = "The customer, active",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response reactivate(@PathParam("id") long id) {
        return withTag(Response.ok(), card(book.setActive(id, true)));
    }

    /**
     * Deletes a customer entered by mistake. A customer with any order or delivery keeps its
     * history: 409, deactivate it instead. If delivery-service cannot say, nothing is deleted (503).
     */
    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        book.view(id);
        // deliveries too: those loaded from the legacy records have no order; delivery-service not answering: a 503, nothing deleted
        boolean hasHistory = history.orders(id, 1).total() > 0 || !history.deliveries(id, 1).items().isEmpty()
                || history.templates(id, 1).total() > 0;
        if (hasHistory) {
            throw ProblemException.conflict("This customer has orders, deliveries or recurring orders and cannot be deleted; "
                    + "deactivate it instead (POST /api/customers/" + id + "/deactivate).");
        }
        book.delete(id);
        return Response.noContent().build();
    }

    /**
     * Many customers by id in one call (up to 500), for the other services; unknown ids are listed
     * in {@code missing}. The safety technician's screens read the customers he checks through it.
     */
    @POST
    @Path("/lookup")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE, Roles.TECHNICIAN})
    public LookupResponse lookup(@Valid @NotNull LookupRequest request) {
        Set<Long> ids = new LinkedHashSet<>(request.ids());
        Map<Long, CustomerView> found = book.lookup(ids).stream()
                .collect(Collectors.toMap(CustomerView::id, Function.identity()));
        List<CustomerView> items = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            CustomerView view = found.get(id);
            if (view != null) {
                items.add(view);
            } else {
                missing.add(id);
            }
        }
        return new LookupResponse(items, missing);
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the ETag of the customer, e.g. \"3\"");
        }
    }

    /**
     * The customer with the cylinders the ledger says it holds (delivery-service, the caller's
     * token); when delivery-service does not answer, the card shows without them (null).
     */
    private CustomerView card(CustomerView view) {
        Map<String, Integer> held = new TreeMap<>();
        try {
            history.cylinders(view.id()).products().stream().filter(h -> h.held() > 0)
                    .forEach(h -> held.put(h.productCode(), h.held()));
        } catch (ServiceUnavailableException e) {
            LOG.debugf("customer %d shown without its cylinders: %s", view.id(), e.getMessage());
            return view.withCylindersHeld(null);
        }
        return view.withCylindersHeld(held);
    }

    private static Response withTag(Response.ResponseBuilder builder, CustomerView view) {
        return builder.tag(new EntityTag(String.valueOf(view.version()))).entity(view).build();
    }
}

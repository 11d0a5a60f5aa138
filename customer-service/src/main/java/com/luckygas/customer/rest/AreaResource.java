package com.luckygas.customer.rest;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.ProblemException;
import com.luckygas.customer.Area;
import com.luckygas.customer.Customer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The managed list of areas (districts) a customer's area must come from. */
@Path("/api/customers/areas")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class AreaResource {

    public record AreaView(String name, Long depotId, long customers) {
    }

    public record AreaInput(@NotBlank @Size(max = 50) String name, @Min(1) Long depotId) {
    }

    @Schema(name = "AreaDepotInput")
    public record DepotInput(@Min(1) Long depotId) {
    }

    /**
     * All areas by name, with how many customers each has (one statement). Also for services:
     * route-service plans a depot's territory from it, delivery-service filters by depot.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    public List<AreaView> list() {
        List<Object[]> rows = Area.getEntityManager().createQuery(
                "select a.name, a.depotId, (select count(c) from Customer c where c.area = a.name) from Area a order by a.name",
                Object[].class).getResultList();
        return rows.stream().map(r -> new AreaView((String) r[0], (Long) r[1], ((Number) r[2]).longValue())).toList();
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The area; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaView.class)))
    public Response create(@Valid @NotNull AreaInput input) {
        String name = input.name().strip();
        if (Area.findById(name) != null) {
            throw ProblemException.taken("name", "Area " + name + " exists already.", "exists already");
        }
        Area area = new Area();
        area.name = name;
        area.depotId = input.depotId();
        area.persist();
        // a path segment, percent-encoded (URLEncoder is form encoding: a space would become '+')
        return Response.created(jakarta.ws.rs.core.UriBuilder.fromPath("/api/customers/areas/{name}").build(name))
                .entity(new AreaView(name, area.depotId, 0)).build();
    }

    /** Sets or clears the depot that serves an area. */
    @PUT
    @Path("/{name}")
    @Transactional
    public AreaView setDepot(@PathParam("name") String name, @Valid @NotNull DepotInput input) {
        Area area = find(name);
        area.depotId = input.depotId();
        return new AreaView(area.name, area.depotId, Customer.count("area", area.name));
    }

    /** Removes an area no customer is in; 409 otherwise. */
    @DELETE
    @Path("/{name}")
    @Transactional
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("name") String name) {
        Area area = find(name);
        long customers = Customer.count("area", area.name);
        if (customers > 0) {
            throw ProblemException.conflict("Area " + area.name + " still has " + customers + " customer(s); move them first.");
        }
        area.delete();
        return Response.noContent().build();
    }

    private static Area find(String name) {
        Area area = Area.findById(name);
        if (area == null) {
            throw ProblemException.notFound("No area named " + name + ".");
        }
        return area;
    }
}

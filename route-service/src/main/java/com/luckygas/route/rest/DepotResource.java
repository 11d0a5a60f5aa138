package com.luckygas.route.rest;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.Edits;
import com.luckygas.common.ProblemException;
import com.luckygas.common.Versions;
import com.luckygas.route.Depot;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/** Depots, where routes start and end (a small list: no paging). */
@Path("/api/routes/depots")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class DepotResource {

    public record DepotInput(
            @NotBlank @Size(max = 50) String name,
            @Size(max = 300) String address,
            @NotNull @DecimalMin(value = "21.8", message = "must be in Taiwan (latitude 21.8 to 26.5)")
            @DecimalMax(value = "26.5", message = "must be in Taiwan (latitude 21.8 to 26.5)") BigDecimal latitude,
            @NotNull @DecimalMin(value = "118.0", message = "must be in Taiwan (longitude 118.0 to 122.1)")
            @DecimalMax(value = "122.1", message = "must be in Taiwan (longitude 118.0 to 122.1)") BigDecimal longitude,
            Long version) {
    }

    public record DepotView(long id, String name, String address, BigDecimal latitude, BigDecimal longitude,
                            boolean active, long version) {

        static DepotView of(Depot d) {
            return new DepotView(d.id, d.name, d.address, d.latitude, d.longitude, d.active, d.version);
        }
    }

    @GET
    public List<DepotView> list() {
        return Depot.<Depot>listAll(Sort.by("name")).stream().map(DepotView::of).toList();
    }

    @GET
    @Path("/{id}")
    public DepotView get(@PathParam("id") long id) {
        return DepotView.of(find(id));
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The depot; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepotView.class)))
    public Response create(@Valid @NotNull DepotInput input) {
        Depot depot = new Depot();
        apply(input, depot);
        return Edits.create(depot, d -> "/api/routes/depots/" + d.id, DepotView::of);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public DepotView update(@PathParam("id") long id, @Valid @NotNull DepotInput input) {
        Depot depot = find(id);
        Versions.require(input.version(), depot.version, "Depot " + depot.name);
        return Edits.update(depot, d -> apply(input, d), DepotView::of);
    }

    private static void apply(DepotInput in, Depot d) {
        String name = in.name().strip();
        Depot other = Depot.find("name", name).firstResult();
        if (other != null && !other.id.equals(d.id)) {
            throw ProblemException.taken("name", "Depot " + name + " exists already.", "exists already");
        }
        d.name = name;
        d.address = in.address();
        d.latitude = in.latitude();
        d.longitude = in.longitude();
    }

    private static Depot find(long id) {
        Depot depot = Depot.findById(id);
        if (depot == null) {
            throw ProblemException.notFound("No depot with id " + id + ".");
        }
        return depot;
    }
}

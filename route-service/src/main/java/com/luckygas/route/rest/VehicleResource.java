package com.luckygas.route.rest;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.Edits;
import com.luckygas.common.Page;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.common.Versions;
import com.luckygas.route.Driver;
import com.luckygas.route.Vehicle;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Cars and scooters, with their capacity in cylinders and in kg. */
@Path("/api/vehicles")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class VehicleResource {

    public record VehicleInput(
            @NotBlank @Size(max = 20) String plate,
            @NotNull Vehicle.Kind kind,
            @NotNull @Min(value = 1, message = "must be at least 1: a vehicle that carries nothing cannot deliver")
            @Max(200) Integer capacityCylinders,
            @NotNull @DecimalMin(value = "1", message = "must be at least 1 kg") @DecimalMax("10000") BigDecimal capacityKg,
            @jakarta.validation.constraints.Positive Long depotId,
            Long version) {
    }

    /** {@code depotId}: the depot it is based at. */
    public record VehicleView(long id, String plate, Vehicle.Kind kind, int capacityCylinders, BigDecimal capacityKg,
                              Long depotId, boolean active, long version) {

        static VehicleView of(Vehicle v) {
            return new VehicleView(v.id, v.plate, v.kind, v.capacityCylinders, v.capacityKg, v.depotId, v.active, v.version);
        }
    }

    /** Vehicles by plate. */
    @GET
    public Page<VehicleView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Page.of(Vehicle.findAll(Sort.by("plate")), page, size, VehicleView::of);
    }

    @GET
    @Path("/{id}")
    public VehicleView get(@PathParam("id") long id) {
        return VehicleView.of(find(id));
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The vehicle; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VehicleView.class)))
    public Response create(@Valid @NotNull VehicleInput input) {
        Vehicle vehicle = new Vehicle();
        apply(input, vehicle);
        return Edits.create(vehicle, v -> "/api/vehicles/" + v.id, VehicleView::of);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public VehicleView update(@PathParam("id") long id, @Valid @NotNull VehicleInput input) {
        Vehicle vehicle = find(id);
        Versions.require(input.version(), vehicle.version, "Vehicle " + vehicle.plate);
        return Edits.update(vehicle, v -> apply(input, v), VehicleView::of);
    }

    /** Takes a vehicle out of service; drivers who usually drive it keep the link until changed. */
    @POST
    @Path("/{id}/deactivate")
    @Transactional
    public VehicleView deactivate(@PathParam("id") long id) {
        return Edits.update(find(id), v -> v.active = false, VehicleView::of);
    }

    /** Drivers who usually drive this vehicle. */
    @GET
    @Path("/{id}/drivers")
    public List<String> drivers(@PathParam("id") long id) {
        find(id);
        return Driver.<Driver>list("vehicleId = ?1 order by id", id).stream().map(d -> d.id).toList();
    }

    private static void apply(VehicleInput in, Vehicle v) {
        String plate = in.plate().strip().toUpperCase(Locale.ROOT);
        Vehicle other = Vehicle.find("plate", plate).firstResult();
        if (other != null && !other.id.equals(v.id)) {
            throw new ProblemException(new Problem("about:blank", "Conflict", 409, "Plate " + plate + " is already registered.",
                    List.of(new Problem.Violation("plate", "is already registered"))));
        }
        if (in.depotId() != null && com.luckygas.route.Depot.findById(in.depotId()) == null) {
            throw ProblemException.invalidField("depotId", "is not a depot");
        }
        v.depotId = in.depotId();
        v.plate = plate;
        v.kind = in.kind();
        v.capacityCylinders = in.capacityCylinders();
        v.capacityKg = in.capacityKg();
    }

    private static Vehicle find(long id) {
        Vehicle vehicle = Vehicle.findById(id);
        if (vehicle == null) {
            throw ProblemException.notFound("No vehicle with id " + id + ".");
        }
        return vehicle;
    }
}

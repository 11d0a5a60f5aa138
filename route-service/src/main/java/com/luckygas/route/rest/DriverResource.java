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
import com.luckygas.route.Depot;
import com.luckygas.route.Driver;
import com.luckygas.route.Vehicle;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalTime;
import java.util.List;

/**
 * The drivers. A driver's id (e.g. {@code D01}) is the {@code driver_id} of his account in
 * auth-service. A driver reads his own day through /api/routes/my, never this list.
 */
@Path("/api/drivers")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class DriverResource {

    public record DriverInput(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1 to 32 letters, digits, '_' or '-'") String id,
            @NotBlank @Size(max = 50) String name,
            @Pattern(regexp = "[0-9+() -]{6,20}", message = "must be a phone number") String phone,
            @Positive Long vehicleId,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            @Positive Long depotId,
            LocalTime breakFrom,
            LocalTime breakUntil,
            @Min(0) @Max(180) Integer breakMinutes,
            Long version) {
    }

    /** {@code depotId}: his home depot; his break lasts {@code breakMinutes}, starting between {@code breakFrom} and {@code breakUntil}. */
    public record DriverView(String id, String name, String phone, boolean active, Long vehicleId, LocalTime shiftStart,
                             LocalTime shiftEnd, Long depotId, LocalTime breakFrom, LocalTime breakUntil, int breakMinutes,
                             long version) {

        static DriverView of(Driver d) {
            return new DriverView(d.id, d.name, d.phone, d.active, d.vehicleId, d.shiftStart, d.shiftEnd, d.depotId,
                    d.breakFrom, d.breakUntil, d.breakMinutes, d.version);
        }
    }

    /** Drivers sorted by name, then id; optionally active ones, or one depot's. */
    @GET
    public Page<DriverView> list(@QueryParam("active") Boolean active,
                                 @QueryParam("depotId") @Positive Long depotId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort sort = Sort.by("name", "id");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        List<String> where = new java.util.ArrayList<>();
        if (active != null) {
            where.add("active = :active");
            params.and("active", active);
        }
        if (depotId != null) {
            where.add("depotId = :depot");
            params.and("depot", depotId);
        }
        return Page.of(where.isEmpty() ? Driver.findAll(sort) : Driver.find(String.join(" and ", where), sort, params),
                page, size, DriverView::of);
    }

    @GET
    @Path("/{id}")
    public DriverView get(@PathParam("id") String id) {
        return DriverView.of(find(id));
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The driver; Location names him",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DriverView.class)))
    public Response create(@Valid @NotNull DriverInput input) {
        if (Driver.findById(input.id()) != null) {
            throw ProblemException.taken("id", "Driver " + input.id() + " exists already.", "exists already");
        }
        Driver driver = new Driver();
        driver.id = input.id();
        apply(input, driver);
        return Edits.create(driver, d -> "/api/drivers/" + d.id, DriverView::of);
    }

    /** Full update; {@code version} must be the version edited (409 when someone changed it since). */
    @PUT
    @Path("/{id}")
    @Transactional
    public DriverView update(@PathParam("id") String id, @Valid @NotNull DriverInput input) {
        Driver driver = find(id);
        Versions.require(input.version(), driver.version, "Driver " + id);
        return Edits.update(driver, d -> apply(input, d), DriverView::of);
    }

    @POST
    @Path("/{id}/deactivate")
    @Transactional
    public DriverView deactivate(@PathParam("id") String id) {
        return setActive(id, false);
    }

    @POST
    @Path("/{id}/activate")
    @Transactional
    public DriverView activate(@PathParam("id") String id) {
        return setActive(id, true);
    }

    private DriverView setActive(String id, boolean active) {
        return Edits.update(find(id), d -> d.active = active, DriverView::of);
    }

    private static void apply(DriverInput in, Driver d) {
        LocalTime start = in.shiftStart() != null ? in.shiftStart() : LocalTime.of(8, 0);
        LocalTime end = in.shiftEnd() != null ? in.shiftEnd() : LocalTime.of(18, 0);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("shiftEnd", "must be after shiftStart");
        }
        LocalTime breakFrom = in.breakFrom() != null ? in.breakFrom() : LocalTime.of(11, 30);
        LocalTime breakUntil = in.breakUntil() != null ? in.breakUntil() : LocalTime.of(13, 30);
        int breakMinutes = in.breakMinutes() != null ? in.breakMinutes() : 30;
        List<Problem.Violation> problems = new java.util.ArrayList<>();
        if (breakMinutes > 0) {
            // a break outside the shift could never be taken
            if (breakFrom.isBefore(start)) {
                problems.add(new Problem.Violation("breakFrom", "must not be before the shift starts (" + start + ")"));
            }
            if (breakUntil.isBefore(breakFrom)) {
                problems.add(new Problem.Violation("breakUntil", "must not be before breakFrom"));
            } else if (breakUntil.toSecondOfDay() + breakMinutes * 60 > end.toSecondOfDay()) {
                problems.add(new Problem.Violation("breakUntil", "leaves no room for a " + breakMinutes
                        + "-minute break before the shift ends (" + end + ")"));
            }
        }
        Vehicle vehicle = in.vehicleId() == null ? null : Vehicle.findById(in.vehicleId());
        if (in.vehicleId() != null && vehicle == null) {
            problems.add(new Problem.Violation("vehicleId", "is not a vehicle"));
        }
        Depot depot = in.depotId() == null ? null : Depot.findById(in.depotId());
        if (in.depotId() != null && depot == null) {
            problems.add(new Problem.Violation("depotId", "is not a depot"));
        }
        if (vehicle != null && depot != null && vehicle.depotId != null && !vehicle.depotId.equals(depot.id)) {
            problems.add(new Problem.Violation("vehicleId", "is based at another depot (" + vehicle.depotId + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", problems));
        }
        d.name = in.name().strip();
        d.phone = in.phone();
        d.vehicleId = in.vehicleId();
        d.shiftStart = start;
        d.shiftEnd = end;
        d.depotId = in.depotId();
        d.breakFrom = breakFrom;
        d.breakUntil = breakUntil;
        d.breakMinutes = breakMinutes;
    }

    private static Driver find(String id) {
        Driver driver = Driver.findById(id);
        if (driver == null) {
            throw ProblemException.notFound("No driver " + id + ".");
        }
        return driver;
    }
}

package com.luckygas.route;

import com.luckygas.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The drivers. A driver reads his own day through /api/routes/my, never this list. */
@Path("/api/drivers")
@RolesAllowed({"ADMIN", "OFFICE"})
public class DriverResource {

    public record DriverView(String id, String name, String phone, boolean active, long version) {

        static DriverView of(Driver d) {
            return new DriverView(d.id, d.name, d.phone, d.active, d.version);
        }
    }

    /** Drivers sorted by name, then id. */
    @GET
    public Page<DriverView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Page.of(Driver.findAll(Sort.by("name", "id")), page, size, DriverView::of);
    }
}

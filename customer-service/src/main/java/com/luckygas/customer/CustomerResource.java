package com.luckygas.customer;

import com.luckygas.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The customer book. Drivers see customers only through their route (route-service). */
@Path("/api/customers")
@RolesAllowed({"ADMIN", "OFFICE"})
public class CustomerResource {

    public record CustomerView(long id, String code, String shortName, String invoiceTitle, String address,
                               String area, boolean active, long version) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.code, c.shortName, c.invoiceTitle, c.address, c.area, c.active, c.version);
        }
    }

    /** Customers sorted by code. */
    @GET
    public Page<CustomerView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Page.of(Customer.findAll(Sort.by("code")), page, size, CustomerView::of);
    }
}

package com.luckygas.delivery;

import com.luckygas.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** Orders as the office sees them. Drivers act on their own stops through their route, not here. */
@Path("/api/orders")
@RolesAllowed({"ADMIN", "OFFICE"})
public class OrderResource {

    public record OrderView(long id, long customerId, LocalDate requestedDate, Order.Status status, long totalAmount,
                            String notes, long version) {

        static OrderView of(Order o) {
            return new OrderView(o.id, o.customerId, o.requestedDate, o.status, o.totalAmount, o.notes, o.version);
        }
    }

    /** Orders, newest requested date first (then newest id); {@code customerId} keeps one customer's. */
    @GET
    public Page<OrderView> list(@QueryParam("customerId") Long customerId,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort newestFirst = Sort.descending("requestedDate", "id");
        return Page.of(customerId == null ? Order.findAll(newestFirst) : Order.find("customerId", newestFirst, customerId),
                page, size, OrderView::of);
    }
}

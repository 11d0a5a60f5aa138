package com.luckygas.delivery.order;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.customer.CustomerClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Taking an order from the office, however it was put together (typed item by item, or repeated
 * from an earlier one): the Idempotency-Key's replay first, then the customer (customer-service,
 * with the caller's token: must exist and be active), then {@link OrderIntake#create}.
 */
@ApplicationScoped
public class OrderTaking {

    private final OrderIntake intake;
    private final CustomerClient customers;

    OrderTaking(OrderIntake intake, @RestClient CustomerClient customers) {
        this.intake = intake;
        this.customers = customers;
    }

    /** 201 with the new order, or 200 with the one an earlier request with this key created. */
    public Response take(String idempotencyKey, CreateOrder request, String user) {
        var earlier = intake.replay(idempotencyKey, request);
        if (earlier.isPresent()) {
            return Response.ok(earlier.get()).location(location(earlier.get().id())).build();
        }
        OrderIntake.Created created = intake.create(request, idempotencyKey, customer(request.customerId()), user);
        return Response.status(created.isNew() ? 201 : 200).location(location(created.order().id()))
                .entity(created.order()).build();
    }

    private CustomerClient.Customer customer(long id) {
        CustomerClient.Found found = customers.lookup(new CustomerClient.Lookup(List.of(id)));
        if (found.items().isEmpty()) {
            throw ProblemException.invalidField("customerId", "is not a customer");
        }
        CustomerClient.Customer customer = found.items().get(0);
        if (!customer.active()) {
            throw new ProblemException(new Problem("about:blank", "Unprocessable Content", 422,
                    "Customer " + customer.code() + " is deactivated; reactivate it before taking an order.",
                    List.of(new Problem.Violation("customerId", "is deactivated"))));
        }
        return customer;
    }

    static URI location(long id) {
        return URI.create("/api/orders/" + id);
    }
}

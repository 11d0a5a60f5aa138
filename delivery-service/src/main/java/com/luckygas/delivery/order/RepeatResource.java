package com.luckygas.delivery.order;

import jakarta.ws.rs.core.MediaType;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Roles;
import com.luckygas.delivery.order.Order.PaymentMethod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * "老樣子" — the usual: a new order for a day with the items of the customer's last delivered
 * order (or of the earlier order named), priced as any new order is (the prices in force on its
 * day: today's), with the same Idempotency-Key rules. Its time window and payment method are the
 * earlier order's unless given; its notes only those given (last time's were for last time).
 */
@Path("/api/orders/repeat")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class RepeatResource {

    /** What to repeat: the customer, the day, and optionally which earlier order and what differs. */
    public record RepeatOrder(@NotNull @Positive Long customerId, @NotNull LocalDate requestedDate, @Positive Long fromOrderId,
                              LocalTime windowStart, LocalTime windowEnd, PaymentMethod paymentMethod,
                              @Size(max = 500) String notes) {
    }

    private final OrderTaking taking;
    private final JsonWebToken jwt;

    RepeatResource(OrderTaking taking, JsonWebToken jwt) {
        this.taking = taking;
        this.jwt = jwt;
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    public Response repeat(@HeaderParam("Idempotency-Key") @Size(min = 8, max = 100)
                           @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits, '_', '.', ':' or '-'")
                           String idempotencyKey,
                           @Valid @NotNull RepeatOrder request) {
        CreateOrder order = QuarkusTransaction.requiringNew().call(() -> order(request));
        return taking.take(idempotencyKey, order, jwt.getName());
    }

    /** The new order as if typed: the earlier order's items, window and payment, the day and notes given. */
    static CreateOrder order(RepeatOrder request) {
        Order source;
        if (request.fromOrderId() != null) {
            source = Order.findById(request.fromOrderId());
            if (source == null || !source.customerId.equals(request.customerId())) {
                throw ProblemException.invalidField("fromOrderId", "is not an order of customer " + request.customerId());
            }
        } else {
            source = Order.find("customerId = ?1 and status = ?2 order by requestedDate desc, id desc",
                    request.customerId(), Order.Status.DELIVERED).firstResult();
            if (source == null) {
                throw ProblemException.notFound("Customer " + request.customerId()
                        + " has no delivered order to repeat; take the order item by item.");
            }
        }
        List<ItemInput> items = OrderItem.<OrderItem>list("orderId = ?1 order by lineNo", source.id).stream()
                .map(i -> new ItemInput(i.productCode, i.quantity)).toList();
        boolean window = request.windowStart() != null || request.windowEnd() != null;
        return new CreateOrder(request.customerId(), request.requestedDate(),
                window ? request.windowStart() : source.windowStart, window ? request.windowEnd() : source.windowEnd,
                items, request.paymentMethod() != null ? request.paymentMethod() : source.paymentMethod, request.notes());
    }
}

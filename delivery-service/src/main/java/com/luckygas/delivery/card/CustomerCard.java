package com.luckygas.delivery.card;

import com.luckygas.delivery.account.Accounts;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.cylinder.CylinderBalances;
import com.luckygas.delivery.forecast.RunOutForecast;
import com.luckygas.delivery.history.DeliveryView;
import com.luckygas.delivery.order.OrderView;
import com.luckygas.delivery.safety.SafetyBook;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the office needs about a customer on the phone, in one answer (docs/adr/0012). A part
 * that could not be read is null and named in {@code unavailable} with the reason; a part that is
 * simply empty is not (no open orders: an empty list; no forecast possible: {@code runOut} null
 * and not listed).
 *
 * @param customer       who, where, how to call (customer-service)
 * @param openOrders     orders still to deliver, soonest first
 * @param lastDeliveries the last {@value CustomerCards#DELIVERIES_SHOWN} deliveries, newest first (live or archived)
 * @param runOut         the expected run-out from the delivery history; null when it says nothing
 * @param cylinders      cylinders held by product, and the deposit held
 * @param account        what is owed now (negative: in credit), aged
 * @param safety         the next safety check due, open issues, the last checks
 */
public record CustomerCard(long customerId, OffsetDateTime asOf, CustomerClient.Details customer,
                           List<OrderView> openOrders, List<DeliveryView> lastDeliveries, RunOutForecast.RunOut runOut,
                           CylinderBalances.Balance cylinders, Accounts.Balance account, SafetyBook.CustomerStatus safety,
                           List<Unavailable> unavailable) {

    /** The parts of a card, as {@link Unavailable#part()} names them. */
    public enum Part { customer, openOrders, lastDeliveries, runOut, cylinders, account, safety }

    /** A part that could not be read, and why (for the office: "try again in a moment"). */
    public record Unavailable(Part part, String reason) {
    }
}

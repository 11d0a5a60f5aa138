package com.luckygas.delivery.history;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.audit.LedgerAudit;
import com.luckygas.delivery.cash.CashBook;
import com.luckygas.delivery.cash.CashDays;
import com.luckygas.delivery.order.CompleteStop.DeliveredItem;
import com.luckygas.delivery.order.DeliveryPrices;
import com.luckygas.delivery.order.Order.PaymentMethod;
import com.luckygas.delivery.order.OrderLines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Correcting a delivery that was recorded wrong (the quantities, the empties, the money): the
 * items are replaced, the value recomputed at the same prices, and the cylinder and account
 * ledgers follow, since both read the delivery. While the driver's day is open the office may
 * correct; once the office has closed his cash for the day, only an ADMIN, and the close takes the
 * corrected figures. Every correction is audited with its reason.
 */
@ApplicationScoped
public class DeliveryCorrections {

    public record Correction(@NotEmpty @Size(max = 20) List<@NotNull @Valid DeliveredItem> items,
                             @PositiveOrZero @Max(100_000_000) Long amountCollected,
                             @NotNull PaymentMethod paymentMethod,
                             @NotBlank @Size(max = 500) String reason) {
    }

    private final CashDays days;
    private final CashBook cash;
    private final DeliveryPrices prices;
    private final LedgerAudit audit;

    DeliveryCorrections(CashDays days, CashBook cash, DeliveryPrices prices, LedgerAudit audit) {
        this.days = days;
        this.cash = cash;
        this.prices = prices;
        this.audit = audit;
    }

    @Transactional
    public DeliveryView correct(long id, Correction in, String actor, boolean admin) {
        Delivery delivery = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            throw ProblemException.notFound("No live delivery with id " + id + " (archived deliveries are not corrected).");
        }
        if (delivery.orderId == null) {
            throw ProblemException.conflict("Delivery " + id + " is imported history: it has no prices and is not corrected here.");
        }
        boolean closed = delivery.driverId != null && days.lockAndCheck(delivery.driverId, delivery.deliveryDate);
        if (closed && !admin) {
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.FORBIDDEN,
                    "Driver " + delivery.driverId + "'s cash for " + delivery.deliveryDate
                            + " is closed: only an ADMIN can correct his deliveries of that day."));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        OrderLines.check(in.items(), true, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        List<DeliveryItem> oldItems = DeliveryItem.list("deliveryId", id);
        DeliveryView before = DeliveryView.of(delivery, oldItems);
        Map<String, BigDecimal> unitPrices = prices.of(delivery.orderId, delivery.customerId, delivery.deliveryDate, in.items());
        oldItems.forEach(i -> unitPrices.putIfAbsent(i.productCode, i.unitPrice));
        oldItems.forEach(DeliveryItem::delete);
        DeliveryItem.flush();
        List<DeliveryItem> items = DeliveryItem.record(id, in.items(), unitPrices);
        delivery.amountCollected = in.amountCollected();
        delivery.paymentMethod = in.paymentMethod();
        delivery.value = OrderLines.value(in.items(), unitPrices);
        DeliveryView after = DeliveryView.of(delivery, items);
        audit.record(LedgerAudit.Ledger.CASH, "CORRECT_DELIVERY", "delivery:" + id, before,
                Map.of("delivery", after, "reason", in.reason().strip()), actor);
        if (closed) {
            Delivery.flush();
            cash.recount(delivery.driverId, delivery.deliveryDate, actor);
        }
        return after;
    }
}

package com.luckygas.delivery.order;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.product.PriceBook;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit prices a delivery is valued at: the order's snapshot prices, and for a product the
 * order did not have (the customer took one more kind at the door) the price book's price in
 * force for the customer on the day. A product with neither is a 400 naming the item.
 */
@ApplicationScoped
public class DeliveryPrices {

    private final PriceBook prices;

    DeliveryPrices(PriceBook prices) {
        this.prices = prices;
    }

    public Map<String, BigDecimal> of(Long orderId, long customerId, LocalDate day, List<? extends OrderLines.Line> items) {
        Map<String, BigDecimal> unitPrices = new HashMap<>();
        if (orderId != null) {
            OrderItem.<OrderItem>list("orderId", orderId).forEach(i -> unitPrices.putIfAbsent(i.productCode, i.unitPrice));
        }
        Set<String> missing = items.stream().map(OrderLines.Line::productCode)
                .filter(code -> !unitPrices.containsKey(code)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            unitPrices.putAll(prices.inForce(customerId, day, missing));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!unitPrices.containsKey(items.get(i).productCode())) {
                violations.add(new Problem.Violation("items[" + i + "].productCode",
                        "has no price on " + day + " and is not on the order (ask an ADMIN to set one)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The delivery cannot be valued.", violations));
        }
        return unitPrices;
    }
}

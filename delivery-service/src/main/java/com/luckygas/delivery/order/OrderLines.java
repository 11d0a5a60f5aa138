package com.luckygas.delivery.order;

import com.luckygas.common.Problem;
import com.luckygas.delivery.product.Product;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a valid line is, once for orders, recurring orders and deliveries: a product on sale,
 * listed once, whole cylinders and at most 200 of them (kg with decimals for flow gas). A delivery
 * may list a product with nothing delivered (empties collected only): then it need only exist.
 * Also the window's rule: both ends or none, the end after the start (the table's check).
 */
public final class OrderLines {

    /** A line of an order, a template or a delivery. */
    public interface Line {
        String productCode();

        BigDecimal quantity();
    }

    static final BigDecimal MAX_CYLINDERS = BigDecimal.valueOf(200);

    /**
     * What lines are worth: Σ quantity × unit price (flow gas: kg × price per kg), in whole NT$
     * rounded half up once, on the sum. An order's total and a delivery's value are both this.
     */
    public static long value(List<? extends Line> lines, Map<String, BigDecimal> unitPrices) {
        return lines.stream().map(l -> unitPrices.get(l.productCode()).multiply(l.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private OrderLines() {
    }

    /**
     * Checks the lines (field {@code items[i]}), adding a violation for each problem; returns the
     * products they name (one statement). {@code emptiesOnly}: a line of quantity 0 is allowed.
     */
    public static Map<String, Product> check(List<? extends Line> lines, boolean emptiesOnly, List<Problem.Violation> violations) {
        Map<String, Product> products = Product.byCodes(lines.stream().map(Line::productCode).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String path = "items[" + i + "]";
            Product product = products.get(line.productCode());
            if (emptiesOnly && line.quantity().signum() == 0) {
                if (product == null) {
                    violations.add(new Problem.Violation(path + ".productCode", "is not a product"));
                }
            } else if (product == null || !product.active) {
                violations.add(new Problem.Violation(path + ".productCode", "is not a product on sale (see /api/products)"));
            } else if (product.kind == Product.Kind.CYLINDER) {
                if (line.quantity().stripTrailingZeros().scale() > 0) {
                    violations.add(new Problem.Violation(path + ".quantity", "must be a whole number of cylinders"));
                } else if (line.quantity().compareTo(MAX_CYLINDERS) > 0) {
                    violations.add(new Problem.Violation(path + ".quantity", "must be at most 200 cylinders"));
                }
            }
            if (!seen.add(line.productCode())) {
                violations.add(new Problem.Violation(path + ".productCode", "is listed twice"));
            }
        }
        return products;
    }

    /** An order's or template's time window: both ends or none, the end after the start. */
    public static void checkWindow(LocalTime start, LocalTime end, List<Problem.Violation> violations) {
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new Problem.Violation("windowEnd", "must be after windowStart"));
        }
    }
}

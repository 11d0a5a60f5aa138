package com.luckygas.delivery.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices in force: for each product, the customer's own price with the latest start on or before
 * the day, else the default price likewise. One statement for all the products of an order.
 */
@ApplicationScoped
public class PriceBook {

    static final String IN_FORCE_SQL = """
            SELECT DISTINCT ON (product_code) product_code, unit_price
            FROM delivery.price
            WHERE product_code = ANY(CAST(:codes AS text[]))
              AND (customer_id = :customer OR customer_id IS NULL)
              AND valid_from <= :day
            ORDER BY product_code, (customer_id IS NULL), valid_from DESC""";

    final EntityManager em;

    PriceBook(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Map<String, BigDecimal> inForce(long customerId, LocalDate day, Collection<String> productCodes) {
        List<Object[]> rows = em.createNativeQuery(IN_FORCE_SQL)
                .setParameter("codes", productCodes.toArray(String[]::new))
                .setParameter("customer", customerId)
                .setParameter("day", day)
                .getResultList();
        Map<String, BigDecimal> prices = new HashMap<>();
        rows.forEach(r -> prices.put((String) r[0], (BigDecimal) r[1]));
        return prices;
    }
}

package com.luckygas.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;

/** EXPLAIN of the exact statements the service runs, and the check that they use an index. */
final class QueryPlans {

    private QueryPlans() {
    }

    static String plan(EntityManager em, CustomerSearch.Statement statement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CustomerSearch.Statement explain = new CustomerSearch.Statement("EXPLAIN " + statement.sql(), statement.params());
            @SuppressWarnings("unchecked")
            List<Object> rows = explain.on(em).getResultList();
            return rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
    }

    static void usesIndex(String plan, String index) {
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        assertFalse(plan.contains("Seq Scan on customer"), "the customer table is scanned:\n" + plan);
        assertFalse(plan.contains("Seq Scan on search_suffix"), "the search index's table is scanned:\n" + plan);
    }
}

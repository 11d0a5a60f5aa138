package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A page of orders with their items costs the same number of statements at 2 orders or 40 (no N+1). */
@QuarkusTest
class QueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    private long statementsFor(int size) {
        sessionFactory.getStatistics().clear();
        office().queryParam("date", today().plusDays(30).toString()).queryParam("size", size).get("/api/orders")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(size));
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    @Test
    void statementsPerPageDoNotGrowWithThePage() {
        OrderApi.defaultPrices();
        for (int i = 0; i < 40; i++) {
            createId(order(1, today().plusDays(30), "R20", 1, "R50", 1, "F20", 2.5));
        }
        long small = statementsFor(2);
        long large = statementsFor(40);
        assertEquals(small, large, "statements for a page of 2 vs a page of 40");
        assertEquals(4, large, "orders, their items, whose customer is due a safety check, the count");
    }
}

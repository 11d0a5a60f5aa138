package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A phone on a weak network sends the same order again and again: one order, always the same answer. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void prices() {
        OrderApi.defaultPrices();
    }

    private static Response send(String key, Map<String, Object> body) {
        return office().header("Idempotency-Key", key).body(body).post("/api/orders");
    }

    @Test
    void aRetryReturnsTheSameOrder() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = order(1, today(), "R20", 2);
        long first = send(key, body).then().statusCode(201).extract().<Number>path("id").longValue();
        long again = send(key, body).then().statusCode(200).extract().<Number>path("id").longValue();
        assertEquals(first, again);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        send(key, order(1, today(), "R20", 2)).then().statusCode(201);
        send(key, order(1, today(), "R20", 3)).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void twentyConcurrentRetriesCreateOneOrder() throws Exception {
        String key = "storm-" + UUID.randomUUID();
        Map<String, Object> body = order(2, today(), "R50", 1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return send(key, body);
            }));
        }
        go.countDown();
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (Future<Response> future : futures) {
            Response response = future.get();
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertEquals(200, response.statusCode(), response.asString());
            }
            ids.add(response.jsonPath().getLong("id"));
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(1, ids.size());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM delivery.orders WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}

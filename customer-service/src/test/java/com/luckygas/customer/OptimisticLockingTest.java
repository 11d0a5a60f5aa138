package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.createId;
import static com.luckygas.customer.CustomerApi.customer;
import static com.luckygas.customer.CustomerApi.office;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two people editing the same customer: one change wins, the other is told, nothing is lost silently. */
@QuarkusTest
class OptimisticLockingTest {

    @RepeatedTest(3)
    void twoConcurrentUpdatesOfOneVersionExactlyOneWins() throws Exception {
        long id = createId(customer("L" + System.nanoTime() % 1_000_000_000L, "同時編輯"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String notes : List.of("甲的修改", "乙的修改")) {
            results.add(pool.submit(() -> {
                start.await();
                return office().header("If-Match", "\"0\"").body(Map.of("deliveryNotes", notes))
                        .patch("/api/customers/" + id).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        Collections.sort(statuses);
        assertEquals(List.of(200, 409), statuses);
        office().get("/api/customers/" + id).then().body("version", equalTo(1));
    }

    @Test
    void staleVersionIsRefusedWithAProblem() {
        long id = createId(customer("L-STALE", "舊版本"));
        office().header("If-Match", "\"0\"").body(Map.of("deliveryNotes", "第一次")).patch("/api/customers/" + id)
                .then().statusCode(200);
        office().header("If-Match", "\"0\"").body(Map.of("deliveryNotes", "蓋掉第一次")).patch("/api/customers/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        office().get("/api/customers/" + id).then().body("deliveryNotes", equalTo("第一次"));
    }
}

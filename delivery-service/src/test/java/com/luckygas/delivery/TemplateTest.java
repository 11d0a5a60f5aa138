package com.luckygas.delivery;

import com.luckygas.delivery.template.TemplateGenerator;
import com.luckygas.delivery.template.OrderTemplate;
import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.office;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateTest {

    @Inject
    TemplateGenerator generator;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void prices() {
        OrderApi.defaultPrices();
    }

    private static long template(long customerId, String schedule, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("customerId", customerId);
        body.put("schedule", schedule);
        body.put("startDate", today().toString());
        body.put("items", List.of(Map.of("productCode", "R20", "quantity", 2)));
        return office().body(body).post("/api/orders/templates").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private List<LocalDate> orderDays(long templateId) throws Exception {
        return OrderApi.templateOrderDays(dataSource, templateId);
    }

    @Test
    void weekdayTemplatesMakeOneOrderPerMatchingDayExactlyOnce() throws Exception {
        long id = template(1, "WEEKDAYS", Map.of("weekdays", List.of(1, 4)));
        generator.generate(today(), 13);
        List<LocalDate> days = orderDays(id);
        assertEquals(4, days.size(), days.toString());
        days.forEach(d -> assertTrue(d.getDayOfWeek().getValue() == 1 || d.getDayOfWeek().getValue() == 4));
        assertEquals(0, generator.generate(today(), 13));
        assertEquals(days, orderDays(id));
        office().queryParam("date", days.get(0).toString()).get("/api/orders").then()
                .body("items.find { it.customerId == 1 && it.source == 'TEMPLATE' }.totalAmount", equalTo(1600));
        // the customers were read with this service's own token, not a user's
        String token = FakeCustomerService.TOKENS.get(FakeCustomerService.TOKENS.size() - 1);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals("SERVICE", new ObjectMapper().readTree(claims).get("groups").get(0).asText());
    }

    @Test
    void twoGeneratorsAtOnceStillMakeEachOrderOnce() throws Exception {
        long id = template(2, "EVERY_N_DAYS", Map.of("intervalDays", 2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return generator.generate(today(), 9);
            }));
        }
        go.countDown();
        int created = 0;
        for (Future<Integer> run : runs) {
            created += run.get();
        }
        pool.shutdown();
        List<LocalDate> days = orderDays(id);
        assertEquals(5, days.size(), days.toString());
        assertEquals(days.size(), days.stream().distinct().count());
        assertTrue(created >= 5, "the two runs together created " + created);
    }

    @Test
    void aChangeToAnOutdatedTemplateIsRefusedWhenItNamesTheVersionEdited() {
        long id = template(1, "EVERY_N_DAYS", Map.of("intervalDays", 7));
        long version = office().get("/api/orders/templates/" + id).then().statusCode(200).extract().<Number>path("version").longValue();
        Map<String, Object> change = new HashMap<>();
        change.put("customerId", 1);
        change.put("schedule", "EVERY_N_DAYS");
        change.put("intervalDays", 14);
        change.put("startDate", today().toString());
        change.put("items", List.of(Map.of("productCode", "R20", "quantity", 3)));
        change.put("version", version);
        long next = office().body(change).put("/api/orders/templates/" + id).then().statusCode(200)
                .body("intervalDays", equalTo(14)).extract().<Number>path("version").longValue();
        assertTrue(next > version, "the answer carries the new version");
        // a second user still holding the first version
        change.put("intervalDays", 3);
        office().body(change).put("/api/orders/templates/" + id).then().statusCode(409);
        office().get("/api/orders/templates/" + id).then().body("intervalDays", equalTo(14));
    }

    @Test
    void pausedTemplatesAndSkippedDaysMakeNothing() throws Exception {
        long paused = template(1, "EVERY_N_DAYS", Map.of("intervalDays", 1));
        office().post("/api/orders/templates/" + paused + "/pause").then().statusCode(200).body("paused", equalTo(true));
        long skipping = template(1, "EVERY_N_DAYS", Map.of("intervalDays", 1));
        office().body(Map.of("date", today().plusDays(1).toString())).post("/api/orders/templates/" + skipping + "/skips")
                .then().statusCode(200);
        generator.generate(today(), 2);
        assertEquals(List.of(), orderDays(paused));
        assertEquals(List.of(today(), today().plusDays(2)), orderDays(skipping));
    }

    @Test
    void monthDayThirtyOneFallsOnTheLastDayOfShortMonths() {
        OrderTemplate t = new OrderTemplate();
        t.schedule = OrderTemplate.Schedule.MONTH_DAYS;
        t.monthDays = new Integer[] {31};
        t.startDate = LocalDate.of(2026, 1, 1);
        assertTrue(t.fallsOn(LocalDate.of(2026, 2, 28)));
        assertTrue(t.fallsOn(LocalDate.of(2026, 3, 31)));
        assertFalse(t.fallsOn(LocalDate.of(2026, 3, 30)));
        assertTrue(t.fallsOn(LocalDate.of(2026, 4, 30)));
    }

    @Test
    void badTemplatesAreRefused() {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", 1);
        body.put("schedule", "WEEKDAYS");
        body.put("startDate", today().toString());
        body.put("items", List.of(Map.of("productCode", "R20", "quantity", 1)));
        office().body(body).post("/api/orders/templates").then().statusCode(400).body("violations[0].field", equalTo("weekdays"));
        body.put("weekdays", List.of(8));
        office().body(body).post("/api/orders/templates").then().statusCode(400).body("violations[0].field", equalTo("weekdays[0]"));
        body.put("schedule", "FORTNIGHTLY");
        office().body(body).post("/api/orders/templates").then().statusCode(400).body("violations[0].field", equalTo("schedule"));
        // what an order may not be, a template may not make: a window ending before it starts, a
        // product twice, more than 200 cylinders
        body.put("schedule", "WEEKDAYS");
        body.put("weekdays", List.of(1));
        body.put("windowStart", "14:00");
        body.put("windowEnd", "10:00");
        office().body(body).post("/api/orders/templates").then().statusCode(400).body("violations[0].field", equalTo("windowEnd"));
        body.remove("windowStart");
        body.remove("windowEnd");
        body.put("items", List.of(Map.of("productCode", "R20", "quantity", 1), Map.of("productCode", "R20", "quantity", 2)));
        office().body(body).post("/api/orders/templates").then().statusCode(400)
                .body("violations[0].field", equalTo("items[1].productCode"));
        body.put("items", List.of(Map.of("productCode", "R20", "quantity", 201)));
        office().body(body).post("/api/orders/templates").then().statusCode(400)
                .body("violations[0].field", equalTo("items[0].quantity"));
    }

    @Test
    void aTemplateTheDatabaseRefusesAndManyCustomersDoNotStopTheOthers() throws Exception {
        long bad;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 501 templates of customers the book does not know (more than one lookup's 500 ids)…
            s.execute("""
                    INSERT INTO delivery.order_template (customer_id, schedule, interval_days, start_date, items)
                    SELECT 700000 + i, 'EVERY_N_DAYS', 1, current_date, '[{"productCode": "R20", "quantity": 1}]'
                    FROM generate_series(1, 501) i""");
            // …and one saved before windows were checked, whose orders the database refuses
            try (ResultSet rs = s.executeQuery("""
                    INSERT INTO delivery.order_template (customer_id, schedule, interval_days, start_date, items, window_start, window_end)
                    VALUES (1, 'EVERY_N_DAYS', 1, current_date, '[{"productCode": "R20", "quantity": 1}]', '14:00', '10:00')
                    RETURNING id""")) {
                rs.next();
                bad = rs.getLong(1);
            }
        }
        long good = template(2, "EVERY_N_DAYS", Map.of("intervalDays", 1)); // after the bad one: the generator goes by id
        try {
            generator.generate(today(), 2);
            assertEquals(3, orderDays(good).size());
            assertEquals(0, orderDays(bad).size());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE delivery.order_template SET paused = true WHERE customer_id > 700000 OR id = " + bad);
            }
        }
    }
}

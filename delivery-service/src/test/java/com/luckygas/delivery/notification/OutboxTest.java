package com.luckygas.delivery.notification;

import com.luckygas.delivery.notification.Notifications;
import com.luckygas.delivery.notification.NotificationSender;
import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.OrderApi;
import com.luckygas.delivery.RecordingSmsGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS about an order exists exactly when the order does, survives failures, and is sent once. */
@QuarkusTest
class OutboxTest {

    @Inject
    NotificationSender sender;

    @Inject
    RecordingSmsGateway gateway;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        OrderApi.defaultPrices();
        sender.sendDue();
        gateway.reset();
    }

    private String statusOf(long orderId, String kind) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status || ':' || attempts FROM delivery.notification WHERE order_id = ? AND kind = ?")) {
            s.setLong(1, orderId);
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        }
    }

    private void makeDue() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delivery.notification SET next_attempt_at = now() WHERE status = 'PENDING'")) {
            s.executeUpdate();
        }
    }

    @Test
    void aConfirmationIsWrittenWithTheOrderAndSentAfterTheProcessComesBack() throws Exception {
        long id = createId(order(1, today(), "R20", 2));
        // committed with the order; nothing sent yet (as if the process died right after the commit)
        assertEquals("PENDING:0", statusOf(id, "ORDER_CONFIRMED"));
        assertEquals(List.of(), gateway.sent());
        // the next sender run (after a restart) sends it, once
        assertEquals(1, sender.sendDue());
        assertEquals(0, sender.sendDue());
        assertEquals(1, gateway.sent().size());
        RecordingSmsGateway.Sent sms = gateway.sent().get(0);
        assertEquals("0912345678", sms.phone());
        assertTrue(sms.text().startsWith("【幸福氣體】美味小吃您好，您的訂單已確認"), sms.text());
        assertTrue(sms.text().contains("20公斤×2") && sms.text().contains("NT$1600"), sms.text());
        assertEquals("SENT:0", statusOf(id, "ORDER_CONFIRMED"));
    }

    @Test
    void aFailingGatewayIsRetriedLaterWithTheSameMessageId() throws Exception {
        long id = createId(order(1, today(), "R20", 1));
        gateway.failNext(2);
        assertEquals(0, sender.sendDue());
        assertEquals("PENDING:1", statusOf(id, "ORDER_CONFIRMED"));
        // not due again yet: backoff
        assertEquals(0, sender.sendDue());
        assertEquals("PENDING:1", statusOf(id, "ORDER_CONFIRMED"));
        makeDue();
        assertEquals(0, sender.sendDue());
        makeDue();
        assertEquals(1, sender.sendDue());
        assertEquals("SENT:2", statusOf(id, "ORDER_CONFIRMED"));
        assertEquals(1, gateway.sent().size());
        assertTrue(gateway.sent().get(0).messageId().startsWith("notification-"));
    }

    @Test
    void noMobileNoMessage() throws Exception {
        long id = createId(order(2, today(), "R50", 1));
        assertEquals("none", statusOf(id, "ORDER_CONFIRMED"));
    }

    @Test
    void customersHearWhenTheDriverSetsOut() throws Exception {
        long id = createId(order(1, today().plusDays(2), "R20", 1));
        assign("D-SMS", id);
        driver("D-SMS").post("/api/orders/my/start?date=" + today().plusDays(2)).then().statusCode(200);
        driver("D-SMS").post("/api/orders/my/start?date=" + today().plusDays(2)).then().statusCode(200);
        assertEquals("PENDING:0", statusOf(id, "ON_THE_WAY"));
        sender.sendDue();
        assertEquals(1, gateway.sent().stream().filter(s -> s.text().contains("司機已出發")).count());
    }

    @Test
    void theMessageSaysWhenToExpectTheDriverFromHisRouteAndHowLateHeLeft() throws Exception {
        java.time.LocalDate day = today().plusDays(5);
        long id = createId(order(1, day, "R20", 1));
        OrderApi.service().body(java.util.Map.of("routeId", 601, "routes", List.of(java.util.Map.of("driverId", "D-ETA",
                "stops", List.of(OrderApi.stop(id, 1, "10:47:00", "09:00:00"))))))
                .post("/api/orders/route-assignments").then().statusCode(200);
        // he leaves 20 minutes after the trip's planned departure: expected at 11:07, so 11:00–11:30
        com.luckygas.testing.TestClock.set(day.atTime(9, 20));
        try {
            driver("D-ETA").post("/api/orders/my/start?date=" + day).then().statusCode(200);
        } finally {
            com.luckygas.testing.TestClock.reset();
        }
        sender.sendDue();
        assertTrue(gateway.sent().stream().anyMatch(s -> s.text().contains("司機已出發，預計約11:00–11:30送達")),
                gateway.sent().toString());
    }

    @Test
    void theWindowIsTheEstimateShiftedByTheLateDepartureInHalfAnHour() {
        java.time.LocalTime t = java.time.LocalTime.of(9, 0);
        assertEquals("約10:40–11:10", Notifications.window(java.time.LocalTime.of(10, 47), t, t));
        assertEquals("約10:30–11:00", Notifications.window(java.time.LocalTime.of(10, 40), t, t.minusMinutes(30)),
                "leaving early does not make him earlier than planned");
        assertEquals("約11:00–11:30", Notifications.window(java.time.LocalTime.of(10, 47), t, t.plusMinutes(20)));
        assertEquals(null, Notifications.window(null, t, t));
        assertEquals(null, Notifications.window(java.time.LocalTime.of(23, 50), t, t), "not past midnight");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertEquals(30, NotificationSender.backoff(1).toSeconds());
        assertEquals(60, NotificationSender.backoff(2).toSeconds());
        assertEquals(3600, NotificationSender.backoff(20).toSeconds());
    }
}

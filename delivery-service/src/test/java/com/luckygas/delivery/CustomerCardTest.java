package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

/**
 * The customer card (issue 19): one request, every part as its own screen says it, a part that
 * cannot be read marked unavailable while the rest still shows.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.MethodName.class)
class CustomerCardTest {

    static final long CUSTOMER = 91;
    static final String AREA = "名片區";
    private static boolean loaded;
    private static long openOrder;
    private static long deliveredValue;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void customer() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        FakeCustomerService.CUSTOMERS.put(CUSTOMER, new CustomerClient.Customer(CUSTOMER, "9101", "臺北小館", AREA, "餐廳",
                true, List.of("0223001991", "0955001991")));
        FakeCustomerService.PAYMENT_TERM.put(CUSTOMER, "MONTHLY");
        OrderApi.defaultPrices();
        // six earlier deliveries, one R20 every ten days (the two oldest archived), before today's
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int daysAgo = 60; daysAgo >= 10; daysAgo -= 10) {
                boolean archived = daysAgo > 40;
                String table = archived ? "delivery.delivery_archive" : "delivery.delivery";
                String id = archived ? "(SELECT coalesce(max(id), 0) + 6000000 FROM delivery.delivery_archive)" : "DEFAULT";
                s.execute("""
                        WITH d AS (INSERT INTO %s (id, customer_id, delivered_at, delivery_date, driver_name, area, customer_type)
                                   VALUES (%s, %d, timestamptz '%s 10:00+08', date '%s', '林師傅', '%s', '餐廳') RETURNING id)
                        INSERT INTO %s (delivery_id, product_code, quantity, empties) SELECT id, 'R20', 1, 0 FROM d"""
                        .formatted(table, id, CUSTOMER, today().minusDays(daysAgo), today().minusDays(daysAgo), AREA,
                                archived ? "delivery.delivery_item_archive" : "delivery.delivery_item"));
            }
        }
        // today: two R20 on the month's account, nothing collected, no empties back
        long delivered = createId(order(CUSTOMER, today(), "R20", 2));
        assign("D-CARD", delivered);
        deliveredValue = driver("D-CARD").body(Map.of("items", List.of(Map.of("productCode", "R20", "quantity", 2, "empties", 0)),
                        "amountCollected", 0, "paymentMethod", "MONTHLY"))
                .post("/api/orders/" + delivered + "/complete").then().statusCode(200).extract().jsonPath().getLong("value");
    }

    private static JsonPath card() {
        return office().get("/api/cards/customers/" + CUSTOMER).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static Map<String, Object> screen(String path) {
        return office().get(path).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void a_everyPartAsItsOwnScreenSaysIt() {
        // the forecast screen's line for this customer, before the open order takes it off that list
        JsonPath list = office().queryParam("date", today().toString()).queryParam("within", 400).queryParam("area", AREA)
                .get("/api/reports/forecast").then().statusCode(200).extract().jsonPath();
        Map<String, Object> line = list.getMap("items.find { it.customerId == " + CUSTOMER + " }");
        assertNotNull(line, "the customer is on the forecast list while no order is open");
        openOrder = createId(order(CUSTOMER, today().plusDays(2), "R20", 1));

        JsonPath card = card();
        assertEquals(List.of(), card.getList("unavailable"));
        assertEquals(CUSTOMER, card.getLong("customerId"));
        assertEquals("臺北小館", card.getString("customer.shortName"));
        assertEquals("9101", card.getString("customer.code"));
        assertEquals(List.of("0223001991", "0955001991"), card.getList("customer.phones"));
        assertEquals("MONTHLY", card.getString("customer.paymentTerm"));

        assertEquals(List.of((int) openOrder), card.getList("openOrders.id"));
        assertEquals("PENDING", card.getString("openOrders[0].status"));
        assertEquals(1.0, card.getDouble("openOrders[0].items[0].quantity"));

        // the last five of seven deliveries, newest first, across into the archive
        assertEquals(5, card.getList("lastDeliveries").size());
        assertEquals(List.of(today(), today().minusDays(10), today().minusDays(20), today().minusDays(30), today().minusDays(40))
                .stream().map(Object::toString).toList(), card.getList("lastDeliveries.deliveryDate"));
        assertEquals(deliveredValue, card.getLong("lastDeliveries[0].value"));

        // the run-out the forecast list gives, although an order is now open
        Map<String, Object> runOut = card.getMap("runOut");
        for (String field : List.of("lastDelivery", "lastKg", "kgPerDay", "expectedRunOut", "earliest", "latest", "daysLeft", "basis")) {
            assertEquals(line.get(field), runOut.get(field), field);
        }
        assertEquals(today().toString(), runOut.get("lastDelivery"));

        // cylinders, account and safety: what their own screens say
        assertEquals(screen("/api/cylinders/customers/" + CUSTOMER).get("products"), card.getMap("cylinders").get("products"));
        assertEquals(8, card.getInt("cylinders.products.find { it.productCode == 'R20' }.held"), "six ones and today's two");
        Map<String, Object> account = screen("/api/accounts/customers/" + CUSTOMER);
        assertEquals(account, card.getMap("account"));
        assertEquals(deliveredValue, card.getLong("account.owed"));
        assertEquals(deliveredValue, card.getLong("account.aging.days0to30"));
        assertEquals(screen("/api/safety/customers/" + CUSTOMER), card.getMap("safety"));
        assertTrue(card.getBoolean("safety.neverChecked"));
        assertTrue(card.getBoolean("safety.dueThisMonth"));
    }

    @Test
    void b_customerServiceDownTheRestStillShows() {
        FakeCustomerService.down = true;
        try {
            JsonPath card = card();
            assertNull(card.get("customer"));
            assertEquals(List.of("customer"), card.getList("unavailable.part"));
            assertTrue(card.getString("unavailable[0].reason").contains("customer-service"), card.getString("unavailable[0].reason"));
            assertEquals(5, card.getList("lastDeliveries").size());
            assertEquals(deliveredValue, card.getLong("account.owed"));
            assertNotNull(card.get("runOut.expectedRunOut"), "a history of seven deliveries needs no prior");
        } finally {
            FakeCustomerService.down = false;
        }
    }

    @Test
    void c_aPartThatCannotBeReadInTimeIsMarkedTheOthersShow() throws Exception {
        // the accounts table locked by someone else's long transaction: the account part times out
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE delivery.account IN ACCESS EXCLUSIVE MODE");
            try {
                JsonPath card = card();
                assertNull(card.get("account"));
                assertEquals(List.of("account"), card.getList("unavailable.part"));
                assertEquals("took too long to read; try again in a moment", card.getString("unavailable[0].reason"));
                assertEquals("臺北小館", card.getString("customer.shortName"));
                assertEquals(5, card.getList("lastDeliveries").size());
                assertEquals(8, card.getInt("cylinders.products.find { it.productCode == 'R20' }.held"));
            } finally {
                c.rollback();
            }
        }
        assertEquals(deliveredValue, card().getLong("account.owed"), "the lock gone, the part is back");
    }

    @Test
    void d_noSuchCustomerIsANotFoundProblemAndOnlyTheOfficeReadsCards() {
        office().get("/api/cards/customers/999991").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No customer with id 999991."));
        driver("D-CARD").get("/api/cards/customers/" + CUSTOMER).then().statusCode(403);
        office().get("/api/cards/customers/abc").then().statusCode(400).contentType("application/problem+json");
    }
}

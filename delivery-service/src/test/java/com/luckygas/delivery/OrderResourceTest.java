package com.luckygas.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void listsNewestRequestedDateFirst() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM delivery.orders");
            s.execute("""
                    INSERT INTO delivery.orders (customer_id, requested_date, total_amount, notes) VALUES
                      (1, DATE '2026-11-20', 800, '後門'),
                      (2, DATE '2026-11-22', 1600, '下午才在'),
                      (3, DATE '2026-11-21', 0, NULL)""");
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/orders")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.requestedDate", contains("2026-11-22", "2026-11-21", "2026-11-20"))
                .body("items[0].notes", equalTo("下午才在"))
                .body("items[0].status", equalTo("PENDING"));
        given().auth().oauth2(TestTokens.office()).queryParam("customerId", 3).get("/api/orders")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].customerId", equalTo(3));
        given().auth().oauth2(TestTokens.office()).queryParam("customerId", 99).get("/api/orders")
                .then().statusCode(200).body("total", equalTo(0));
    }
}

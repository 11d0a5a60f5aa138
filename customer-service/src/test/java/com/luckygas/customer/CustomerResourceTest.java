package com.luckygas.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void customers() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM customer.customer");
            s.execute("""
                    INSERT INTO customer.customer (code, short_name, address, area) VALUES
                      ('1032', '美味小吃', '臺北市中正路1號', '中正區'),
                      ('0007', '𡘙記餐廳', '新北市板橋區文化路二段', '板橋區'),
                      ('2001', '幸福工廠', NULL, NULL)""");
        }
    }

    @Test
    void listsCustomersByCodeWithChineseTextIntact() {
        given().auth().oauth2(TestTokens.office()).get("/api/customers")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.code", contains("0007", "1032", "2001"))
                .body("items[0].shortName", equalTo("𡘙記餐廳"))
                .body("items[1].address", equalTo("臺北市中正路1號"));
    }

    @Test
    void pagesAreBoundedAndStable() {
        given().auth().oauth2(TestTokens.office()).queryParam("size", 2).queryParam("page", 1).get("/api/customers")
                .then().statusCode(200).body("items.code", contains("2001")).body("total", equalTo(3));
        given().auth().oauth2(TestTokens.office()).queryParam("size", 1000).get("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
    }
}

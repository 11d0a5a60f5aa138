package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.office;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Query parameters at their edges — blank, far-off years, huge page numbers, forged cursors — get
 * the default or a 400 naming the parameter, never a 500 (found by reading the code, each was one).
 */
@QuarkusTest
class QueryParameterTest {

    @Test
    void aBlankDateOrMonthIsAnAbsentOne() {
        office().queryParam("date", "").get("/api/reports/forecast").then().statusCode(200);
        office().queryParam("date", "").get("/api/reports/dashboard").then().statusCode(200)
                .body("date", equalTo(OrderApi.today().toString()));
        office().queryParam("from", "2026-01").queryParam("to", "").get("/api/reports/monthly").then().statusCode(200);
        office().queryParam("month", "").queryParam("from", "2026-01").get("/api/reports/monthly").then().statusCode(200);
    }

    @Test
    void datesAndMonthsOutsideTheYearsARecordCanHaveAreRefused() {
        refused(office().queryParam("month", "+999999999-12").get("/api/reports/monthly").then(), "month");
        refused(office().queryParam("from", "2026-01").queryParam("to", "-999999999-01").get("/api/reports/monthly").then(), "to");
        refused(office().queryParam("date", "-999999999-01-01").get("/api/reports/forecast").then(), "date");
        refused(office().queryParam("date", "+20000-01-01").get("/api/orders").then(), "date");
    }

    @Test
    void pageNumbersThatWouldOverflowAreRefused() {
        refused(office().queryParam("page", Integer.MAX_VALUE).queryParam("size", 2).get("/api/orders").then(), "page");
        refused(office().queryParam("page", 4294968).queryParam("size", 500).get("/api/reports/forecast").then(), "page");
        refused(office().queryParam("page", Integer.MAX_VALUE).get("/api/orders/templates").then(), "page");
    }

    @Test
    void aForgedCursorFromTheFarFutureIsRefused() {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("9999999999999.0:1".getBytes(StandardCharsets.US_ASCII));
        refused(office().queryParam("customerId", 7).queryParam("cursor", cursor).get("/api/deliveries").then(), "cursor");
    }

    @Test
    void aNumberThatIsNotOneIsA400NamingIt() {
        refused(office().queryParam("customerId", "abc").get("/api/orders").then(), "customerId");
        refused(office().queryParam("page", "x").get("/api/orders").then(), "page");
        refused(office().queryParam("customerId", "7x").get("/api/deliveries").then(), "customerId");
        office().queryParam("customerId", " 7 ").get("/api/deliveries").then().statusCode(200);
    }

    private static void refused(io.restassured.response.ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }
}

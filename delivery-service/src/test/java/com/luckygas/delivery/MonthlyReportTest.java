package com.luckygas.delivery;

import com.luckygas.delivery.report.MonthlyTable;
import static com.luckygas.delivery.OrderApi.admin;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonthlyReportTest {

    @Inject
    DataSource dataSource;

    private void deliveries(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aMonthByAreaDriverAndTypeBesideTheSameMonthLastYear() throws Exception {
        // May 2012 and May 2011 (years no other test uses): four and one deliveries
        deliveries("""
                WITH d AS (
                  INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_id, amount_collected,
                                                 payment_method, area, customer_type, value)
                  VALUES (501, '2012-05-02 10:00+08', '2012-05-02', 'D7', 1600, 'CASH', '中正區', '餐廳', 1600),
                         (502, '2012-05-03 10:00+08', '2012-05-03', 'D7', 800, 'CASH', '中正區', '住家', NULL),
                         (503, '2012-05-20 10:00+08', '2012-05-20', 'D8', 0, 'MONTHLY', '板橋區', '餐廳', 1900),
                         (504, '2012-05-31 23:30+08', '2012-05-31', 'D8', 455, 'CASH', '板橋區', '工廠', 455),
                         (505, '2011-05-15 10:00+08', '2011-05-15', 'D7', 700, 'CASH', '中正區', '住家', 700)
                  RETURNING id, customer_id)
                INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties)
                SELECT id, CASE customer_id WHEN 503 THEN 'R50' WHEN 504 THEN 'F20' ELSE 'R20' END,
                       CASE customer_id WHEN 501 THEN 2 WHEN 504 THEN 10 ELSE 1 END, 0 FROM d""");
        // not visible before the views are refreshed
        admin().post("/api/reports/refresh").then().statusCode(204);
        JsonPath may = office().queryParam("month", "2012-05").get("/api/reports/monthly").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, may.getInt("total.deliveries"));
        // cash collected at the door and the value delivered, apart (502 is imported history: no value)
        assertEquals(2855, may.getInt("total.revenue"));
        assertEquals(1600 + 1900 + 455, may.getInt("total.valueDelivered"));
        assertEquals(1600 + 1900, may.getInt("byCustomerType.find { it.key == '餐廳' }.figures.valueDelivered"));
        assertEquals(3, may.getInt("total.products.R20"));
        assertEquals(1, may.getInt("total.products.R50"));
        assertEquals(10, may.getInt("total.products.F20"));
        assertEquals(1, may.getInt("lastYear.deliveries"));
        assertEquals(2, may.getInt("byArea.find { it.key == '中正區' }.figures.deliveries"));
        assertEquals(1, may.getInt("byArea.find { it.key == '中正區' }.lastYear.deliveries"));
        assertEquals(455, may.getInt("byDriver.find { it.key == 'D8' }.figures.revenue"));
        assertEquals(2355, may.getInt("byDriver.find { it.key == 'D8' }.figures.valueDelivered"));
        assertEquals(2, may.getInt("byCustomerType.find { it.key == '餐廳' }.figures.deliveries"));
        office().queryParam("month", "2012-05").queryParam("format", "csv").get("/api/reports/monthly").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(startsWith("\uFEFF期間,2012-05 ~ 2012-05"))
                .body(containsString("區域,中正區,2,2400,1600,1,700,700"));
        byte[] xlsx = office().queryParam("month", "2012-05").queryParam("format", "xlsx").get("/api/reports/monthly")
                .then().statusCode(200).contentType(MonthlyTable.XLSX).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("月報");
            assertEquals("配送次數", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("合計", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(4.0, sheet.getRow(2).getCell(2).getNumericCellValue());
            assertEquals("現金收款", sheet.getRow(1).getCell(3).getStringCellValue());
            assertEquals(2855.0, sheet.getRow(2).getCell(3).getNumericCellValue());
            assertEquals("配送金額", sheet.getRow(1).getCell(4).getStringCellValue());
            assertEquals(3955.0, sheet.getRow(2).getCell(4).getNumericCellValue());
        }
    }

    @Test
    void theReportSaysWhenItWasRefreshedAndRefusesBadMonths() {
        office().queryParam("month", "2012-06").get("/api/reports/monthly").then().statusCode(200)
                .body("refreshedAt", org.hamcrest.Matchers.notNullValue()).body("total.deliveries", equalTo(0));
        office().queryParam("month", "2012-13").get("/api/reports/monthly").then().statusCode(400)
                .body("violations[0].field", equalTo("month"));
        office().queryParam("from", "2012-06").queryParam("to", "2012-01").get("/api/reports/monthly").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        office().get("/api/reports/monthly").then().statusCode(400);
        office().post("/api/reports/refresh").then().statusCode(403);
        driver("D1").get("/api/reports/monthly?month=2012-05").then().statusCode(403);
    }
}

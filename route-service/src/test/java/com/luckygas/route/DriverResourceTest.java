package com.luckygas.route;

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
class DriverResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void listsDriversByName() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM route.driver");
            s.execute("INSERT INTO route.driver (id, name, phone) VALUES ('D02', '王小明', '0912345678'), ('D01', '李大華', NULL)");
        }
        given().auth().oauth2(TestTokens.office()).get("/api/drivers")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains("D01", "D02"))
                .body("items[0].name", equalTo("李大華"));
    }
}

package com.luckygas.route;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The driver list is sorted by name. Other test classes of this module keep their drivers (stored
 * plans point at them), so this test adds two of its own and looks at where they land, whatever
 * else is in the table and whichever class ran first.
 */
@QuarkusTest
class DriverResourceTest {

    @Inject
    DataSource dataSource;

    private static JsonPath list() {
        return given().auth().oauth2(TestTokens.office()).queryParam("size", 200).get("/api/drivers")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsDriversByName() throws Exception {
        long before = list().getLong("total");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO route.driver (id, name, phone) VALUES ('DRT02', '王小明', '0912345678'), ('DRT01', '李大華', NULL)");
        }
        JsonPath after = list();
        assertEquals(before + 2, after.getLong("total"));
        List<String> names = after.getList("items.name", String.class);
        List<String> ids = after.getList("items.id", String.class);
        int li = ids.indexOf("DRT01");
        int wang = ids.indexOf("DRT02");
        assertTrue(li >= 0 && wang > li, "李大華 before 王小明: " + names);
        assertEquals("李大華", names.get(li));
    }
}

package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.createId;
import static com.luckygas.customer.CustomerApi.customer;
import static com.luckygas.customer.CustomerApi.office;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerCacheTest {

    @Inject
    DataSource dataSource;

    @Test
    void readsAreCachedAndAnUpdateIsVisibleToTheVeryNextRead() throws Exception {
        long id = createId(customer("C-CACHE", "快取客戶"));
        office().get("/api/customers/" + id).then().body("shortName", equalTo("快取客戶"));
        // changed behind the service's back: the cached copy is still served (the cache is in use)
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE customer.customer SET short_name = '背後改的' WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        office().get("/api/customers/" + id).then().body("shortName", equalTo("快取客戶"));
        // changed through the API: the next read sees it
        office().header("If-Match", "\"0\"").body(Map.of("shortName", "新名字")).patch("/api/customers/" + id)
                .then().statusCode(200);
        office().get("/api/customers/" + id).then().body("shortName", equalTo("新名字")).body("version", equalTo(1));
        office().post("/api/customers/" + id + "/deactivate").then().statusCode(200);
        office().get("/api/customers/" + id).then().body("active", equalTo(false));
    }
}

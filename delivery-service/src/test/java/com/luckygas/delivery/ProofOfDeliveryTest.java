package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.proof.ProofImages;
import com.luckygas.delivery.proof.TestImages;
import com.luckygas.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof of delivery (issue 18): a signature with the completion, photos afterwards by the action's
 * key, files checked by content and stored without their location in the service's store (the
 * folder store in the tests: target/proofs); the office sees them, a driver only his own stops of
 * today, anyone else nothing.
 */
@QuarkusTest
class ProofOfDeliveryTest {

    static final long CUSTOMER = 62;
    static final Path STORE = Path.of("target/proofs");

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(CUSTOMER, new CustomerClient.Customer(CUSTOMER, "6201", "巷口麵店", "大安區",
                "餐廳", true, List.of("0955000062")));
    }

    private static String key() {
        return "phone-" + UUID.randomUUID();
    }

    private static long delivered(String driverId, String key, String signature) {
        OrderApi.defaultPrices();
        long id = createId(order(CUSTOMER, today(), "R20", 1));
        assign(driverId, id);
        Map<String, Object> action = new java.util.HashMap<>(Map.of("key", key, "kind", "COMPLETE", "orderId", id,
                "happenedAt", OffsetDateTime.now(OrderApi.TAIPEI).minusMinutes(1).withNano(0).toString(),
                "items", List.of(Map.of("productCode", "R20", "quantity", 1, "empties", 1)),
                "amountCollected", 800, "paymentMethod", "CASH"));
        if (signature != null) {
            action.put("signature", signature);
        }
        driver(driverId).body(Map.of("actions", List.of(action))).post("/api/orders/my/sync").then().statusCode(200)
                .body("results[0].status", equalTo(200));
        return id;
    }

    private static RequestSpecification upload(String driverId, byte[] file, String contentType) {
        return given().auth().oauth2(TestTokens.driver(driverId)).contentType(contentType).body(file);
    }

    private long count(String sql, long orderId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long filesOf(long orderId) throws IOException {
        Path dir = STORE.resolve("orders/" + orderId);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void theSignatureComesWithTheActionAndPhotosAfterwardsByItsKey() throws Exception {
        String d = "D-POD1";
        String key = key();
        byte[] signature = TestImages.pngWithLocation(120, 40);
        long id = delivered(d, key, Base64.getEncoder().encodeToString(signature));

        byte[] photo = TestImages.jpegWithLocation(80, 60);
        upload(d, photo, "image/jpeg").queryParam("kind", "PHOTO").post("/api/orders/my/actions/" + key + "/proofs")
                .then().statusCode(201).body("kind", equalTo("PHOTO")).body("seq", equalTo(1))
                .body("mediaType", equalTo("image/jpeg"));
        // the phone did not see the answer and sends it again: the same proof, not a second one
        upload(d, photo, "application/octet-stream").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(200).body("seq", equalTo(1));
        upload(d, TestImages.jpeg(30, 30, Color.CYAN), "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(201).body("seq", equalTo(2));
        upload(d, TestImages.png(30, 30, Color.PINK), "image/png").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(201).body("seq", equalTo(3));
        upload(d, TestImages.png(31, 30, Color.PINK), "image/png").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(409)
                .contentType("application/problem+json");
        upload(d, TestImages.png(32, 30, Color.PINK), "image/png").queryParam("kind", "SIGNATURE")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(409);
        assertEquals(4, count("SELECT count(*) FROM delivery.proof WHERE order_id = ?", id));
        assertEquals(4, filesOf(id), "a refused file leaves nothing behind");

        // the office sees them: signature first, and each file as stored, its location gone
        List<Map<String, Object>> proofs = office().get("/api/orders/" + id + "/proofs").then().statusCode(200)
                .body("$", hasSize(4)).body("[0].kind", equalTo("SIGNATURE")).body("[0].actionKey", equalTo(key))
                .body("[0].uploadedBy", equalTo("driver" + d)).extract().path("$");
        byte[] stored = office().get((String) proofs.get(0).get("href")).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(TestImages.png(120, 40, Color.BLUE), stored);
        byte[] storedPhoto = office().get((String) proofs.get(1).get("href")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertFalse(TestImages.contains(storedPhoto, TestImages.GPS));
        // the driver sees his own stop of today
        driver(d).get("/api/orders/" + id + "/proofs").then().statusCode(200).body("$", hasSize(4));
        driver(d).get((String) proofs.get(1).get("href")).then().statusCode(200);
    }

    @Test
    void anotherDriverSeesNothingAndCannotUploadWithSomeoneElsesKey() throws Exception {
        String key = key();
        long id = delivered("D-POD2", key, null);
        upload("D-POD2", TestImages.jpeg(20, 20, Color.RED), "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(201);
        String href = office().get("/api/orders/" + id + "/proofs").then().statusCode(200)
                .extract().path("[0].href");
        driver("D-POD3").get("/api/orders/" + id + "/proofs").then().statusCode(404)
                .contentType("application/problem+json");
        driver("D-POD3").get(href).then().statusCode(404);
        upload("D-POD3", TestImages.jpeg(21, 20, Color.RED), "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(404);
        // a key that was never a delivery of his, or a failure's key: nothing to attach to
        upload("D-POD2", TestImages.jpeg(22, 20, Color.RED), "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key() + "/proofs").then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM delivery.proof WHERE order_id = ?", id));
        // the office's other roles only: no token, no proofs
        given().get(href).then().statusCode(401);
    }

    @Test
    void aDriverSeesOnlyTheProofsOfToday() throws SQLException {
        String d = "D-POD4";
        OrderApi.defaultPrices();
        long yesterday = createId(order(CUSTOMER, today(), "R20", 1));
        assign(d, yesterday);
        // yesterday's stop (orders cannot be taken for a past day: moved there as time would)
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delivery.orders SET requested_date = requested_date - 1 WHERE id = ?")) {
            s.setLong(1, yesterday);
            assertEquals(1, s.executeUpdate());
        }
        driver(d).get("/api/orders/" + yesterday).then().statusCode(200); // still his order
        office().get("/api/orders/" + yesterday + "/proofs").then().statusCode(200).body("$", hasSize(0));
        driver(d).get("/api/orders/" + yesterday + "/proofs").then().statusCode(404);
        office().get("/api/orders/999999999/proofs").then().statusCode(404);
    }

    @Test
    void anOversizedOrNonImageFileIsRefusedAndNothingIsStored() throws Exception {
        String d = "D-POD5";
        String key = key();
        long id = delivered(d, key, null);
        byte[] jpeg = TestImages.jpeg(20, 20, Color.RED);
        upload(d, Arrays.copyOf(jpeg, ProofImages.MAX_BYTES + 1), "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(413)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        upload(d, new byte[4 * 1024 * 1024], "image/jpeg").queryParam("kind", "PHOTO")
                .post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(413)
                .contentType("application/problem+json");
        upload(d, "%PDF-1.7 an invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "image/jpeg")
                .queryParam("kind", "PHOTO").post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(415)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        upload(d, jpeg, "image/jpeg").post("/api/orders/my/actions/" + key + "/proofs").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        assertEquals(0, count("SELECT count(*) FROM delivery.proof WHERE order_id = ?", id));
        assertEquals(0, filesOf(id));
    }

    @Test
    void aCompletionWithABadSignatureIsRefusedWhole() throws Exception {
        String d = "D-POD6";
        OrderApi.defaultPrices();
        long id = createId(order(CUSTOMER, today(), "R20", 1));
        assign(d, id);
        Map<String, Object> completion = Map.of("items", List.of(Map.of("productCode", "R20", "quantity", 1, "empties", 1)),
                "amountCollected", 800, "signature", Base64.getEncoder().encodeToString("not a picture".getBytes()));
        driver(d).header("Idempotency-Key", key()).body(completion).post("/api/orders/" + id + "/complete").then()
                .statusCode(415).body("violations[0].field", equalTo("file"));
        office().get("/api/orders/" + id).then().statusCode(200).body("status", equalTo("ASSIGNED"));
        assertEquals(0, count("SELECT count(*) FROM delivery.proof WHERE order_id = ?", id));
        // a signature without the action's key has nothing to belong to
        driver(d).body(completion).post("/api/orders/" + id + "/complete").then().statusCode(400)
                .body("violations[0].field", equalTo("signature"));
        // and with a good one the delivery and its signature are recorded together
        Map<String, Object> good = new java.util.HashMap<>(completion);
        good.put("signature", Base64.getEncoder().encodeToString(TestImages.png(50, 20, Color.WHITE)));
        driver(d).header("Idempotency-Key", key()).body(good).post("/api/orders/" + id + "/complete").then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM delivery.proof WHERE order_id = ? AND kind = 'SIGNATURE'", id));
        assertEquals(1, filesOf(id));
    }
}

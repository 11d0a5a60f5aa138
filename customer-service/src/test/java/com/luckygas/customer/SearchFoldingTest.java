package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.office;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search that matches what people type (issue 19): 臺/台 and the other variant pairs fold both
 * ways in names, invoice titles and addresses; full-width digits and letters read as half-width;
 * a caller known by the end of a number is found by its last 6+ digits; the caller lookup of a
 * phone system finds none, one, or several customers sharing a number.
 */
@QuarkusTest
class SearchFoldingTest {

    private static boolean booked;

    @BeforeEach
    void book() {
        if (booked) {
            return;
        }
        booked = true;
        add("F100", "臺北小館", null, "臺北市中正區重慶南路一段122號", "0912876543");
        add("F101", "台中麵店", "台中麪食有限公司", "台中市西區民生路", "0427654321");
        add("F102", "峯記溫泉", null, "新北市烏來區温泉街１２號", "0912000111");
        add("F103", "ＡＢＣ早餐", null, "高雄市", null);
        add("F104", "共用電話甲", null, "臺南市", "02-2987-6601");
        add("F105", "共用電話乙", null, "臺南市", "+886 2 2987 6601");
    }

    private static void add(String code, String name, String title, String address, String phone) {
        CustomerApi.add(code, name, title, address, null, null, phone);
    }

    private static List<String> search(String q) {
        return CustomerApi.search(q, c -> c.startsWith("F1"));
    }

    @Test
    void taiAndItsOfficialFormFindEachOther() {
        assertEquals(List.of("F100"), search("台北"), "台 typed, 臺 written");
        assertEquals(List.of("F100"), search("台北小館"));
        assertEquals(List.of("F100"), search("臺北小館"), "as written still works");
        assertEquals(List.of("F101"), search("臺中"), "臺 typed, 台 written");
        assertEquals(List.of("F100"), search("台北市中正區"), "in the address too");
        // relevance unchanged: a name starting with it before an address containing it
        assertEquals(List.of("F101"), search("台中麵"));
    }

    @Test
    void otherVariantPairsFoldBothWaysInMixedText() {
        assertEquals(List.of("F101"), search("台中麵食"), "麪 in the invoice title, 麵 typed");
        assertEquals(List.of("F102"), search("峰記溫泉"), "峯 written, 峰 typed");
        assertEquals(List.of("F102"), search("温泉街"), "温 typed, both written");
        assertEquals(List.of("F102"), search("溫泉街12號"), "full-width digits in the address");
    }

    @Test
    void fullWidthLettersAndDigitsAreReadAsHalfWidth() {
        assertEquals(List.of("F103"), search("abc"));
        assertEquals(List.of("F103"), search("ＡＢＣ早"));
        assertEquals(List.of("F102"), search("街１２"));
        assertEquals(List.of("F100"), search("０９１２８７６５４３"), "a whole number in full-width digits");
    }

    @Test
    void aCallerKnownByTheEndOfANumber() {
        assertEquals(List.of("F100"), search("876543"));
        assertEquals(List.of("F100"), search("２８７６５４３"));
        assertEquals(List.of("F100"), search("87-65-43"));
        assertEquals(List.of(), search("76543"), "five digits are too few to say who");
        assertEquals(List.of("F104", "F105"), search("29876601"));
    }

    @Test
    void callerLookupForAPhoneSystem() {
        office().queryParam("number", "+886229876601").get("/api/customers/callers").then().statusCode(200)
                .body("number", equalTo("0229876601")).body("customers.code", equalTo(List.of("F104", "F105")));
        office().queryParam("number", "0912-876-543").get("/api/customers/callers").then().statusCode(200)
                .body("customers", hasSize(1)).body("customers[0].shortName", equalTo("臺北小館"));
        office().queryParam("number", "0911999999").get("/api/customers/callers").then().statusCode(200)
                .body("customers", hasSize(0));
        office().queryParam("number", "anonymous").get("/api/customers/callers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("number"));
    }
}

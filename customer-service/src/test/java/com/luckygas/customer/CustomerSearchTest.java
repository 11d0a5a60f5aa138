package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.codes;
import static com.luckygas.customer.CustomerApi.office;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerSearchTest {

    private static boolean booked;

    @BeforeEach
    void book() {
        if (booked) {
            return;
        }
        booked = true;
        CustomerApi.area("板橋區");
        CustomerApi.area("大安區");
        add("S100", "美味小吃", null, "新北市板橋區中正路100號", "板橋區", "餐廳", "0933-111-222");
        add("S101", "好運小吃部", "好運餐飲有限公司", "臺北市大安區和平東路", "大安區", "餐廳", "02-2700-1234");
        add("S102", "陳家", null, "新北市板橋區文化路", "板橋區", "住家", "0955666777");
        add("S103", "中正五金行", null, "臺北市大安區信義路", "大安區", "商店", null);
        add("5", "小吃代碼測試", null, "臺北市", null, "餐廳", null);
        add("S105", "大同工廠", "小吃原料股份有限公司", "桃園市", null, "工廠", null);
        add("S106", "Lucky麵包ABC", null, "臺北市", null, "商店", null);
    }

    private static void add(String code, String name, String title, String address, String area, String type, String phone) {
        CustomerApi.add(code, name, title, address, area, type, phone);
    }

    private static List<String> search(String q) {
        return CustomerApi.search(q, c -> c.startsWith("S1") || c.equals("5"));
    }

    @Test
    void chineseSubstringOfNameTitleOrAddress() {
        // name starting with q, then name containing q, then invoice title
        assertEquals(List.of("5", "S100", "S101", "S105"), search("小吃"));
        assertEquals(List.of("S103", "S100"), search("中正"));
        assertEquals(List.of("S100"), search("中正路"));
        assertEquals(List.of("S100", "S102"), search("板橋"));
    }

    @Test
    void latinLettersMatchWhateverTheirCase() {
        // a query with letters compares lower-cased; one without (Chinese, digits) compares as is
        for (String q : List.of("abc", "ABC", "Abc", "lucky麵包", "LUCKY麵包abc", "麵包ABC")) {
            assertEquals(List.of("S106"), search(q), q);
        }
        assertEquals(List.of(), search("ABD"));
    }

    @Test
    void aSearchIsCountedAndPagedInRankOrder() {
        List<String> all = codes(office().queryParam("q", "小吃").queryParam("size", 200).get("/api/customers"));
        assertTrue(all.size() >= 4, "the book's four 小吃 at least: " + all);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < all.size(); page++) {
            io.restassured.response.Response response = office().queryParam("q", "小吃").queryParam("size", 2)
                    .queryParam("page", page).get("/api/customers");
            paged.addAll(codes(response));
            assertEquals(all.size(), response.jsonPath().getLong("total"), "total on page " + page);
        }
        assertEquals(all, paged);
        // past the last page: no rows, and still the total
        io.restassured.response.Response past = office().queryParam("q", "小吃").queryParam("size", 2)
                .queryParam("page", (all.size() + 1) / 2).get("/api/customers");
        assertEquals(List.of(), codes(past));
        assertEquals(all.size(), past.jsonPath().getLong("total"));
        // another order over the same matches: last changed first
        assertEquals(List.of("S105", "5", "S101", "S100"), codes(office().queryParam("q", "小吃").queryParam("sort", "UPDATED")
                .queryParam("size", 200).get("/api/customers")).stream().filter(c -> c.startsWith("S1") || c.equals("5")).toList());
    }

    @Test
    void exactCodeComesFirst() {
        assertEquals("S103", search("S103").get(0));
        // '5' is a code and also a digit in addresses: the exact code ranks first
        List<String> found = codes(office().queryParam("q", "5").get("/api/customers"));
        assertEquals("5", found.get(0));
    }

    @Test
    void phoneInAnyFormat() {
        for (String q : List.of("0933111222", "0933-111-222", "0933 111 222", "+886933111222", "+886 933-111-222")) {
            assertEquals(List.of("S100"), search(q), q);
        }
        assertEquals(List.of("S101"), search("(02)27001234"));
    }

    @Test
    void filters() {
        assertEquals(List.of("S100", "S102"), codes(office().queryParam("area", "板橋區").get("/api/customers")));
        assertEquals(List.of("S101", "S103"), codes(office().queryParam("q", "大安").queryParam("area", "大安區")
                .get("/api/customers")));
        assertEquals(List.of("S102"), codes(office().queryParam("type", "住家").get("/api/customers")));
        assertTrue(codes(office().queryParam("hasCoordinates", true).get("/api/customers")).stream()
                .noneMatch(c -> c.startsWith("S1")));
    }

    @Test
    void nothingFoundIsAnEmptyPage() {
        assertEquals(List.of(), search("不存在的名字"));
        assertEquals(List.of(), search("100%_"));
    }

    @Test
    void pagesAreStableAndDoNotOverlap() {
        List<String> all = codes(office().queryParam("size", 200).queryParam("sort", "NAME").get("/api/customers"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < all.size(); page++) {
            paged.addAll(codes(office().queryParam("size", 2).queryParam("page", page).queryParam("sort", "NAME")
                    .get("/api/customers")));
        }
        assertEquals(all, paged);
        assertEquals(paged.size(), new HashSet<>(paged).size());
    }

    private static List<String> searchOurs(String q, String prefix) {
        return CustomerApi.search(q, c -> c.startsWith(prefix));
    }

    /** The search index follows each change of a customer's name, invoice title, address or code. */
    @Test
    void aCustomerIsFoundByWhatItIsCalledNowNotByWhatItWas() {
        long id = CustomerApi.add("U107", "阿福麵館", null, "新北市蘆洲區民族路", null, "商店", null);
        assertEquals(List.of("U107"), searchOurs("阿福", "U1"));
        office().header("If-Match", "\"0\"").body(Map.of("shortName", "阿祿麵館", "address", "臺北市士林區福德路", "invoiceTitle", "阿祿食品行"))
                .patch("/api/customers/" + id).then().statusCode(200);
        assertEquals(List.of(), searchOurs("阿福", "U1"));
        assertEquals(List.of(), searchOurs("民族路", "U1"));
        assertEquals(List.of("U107"), searchOurs("阿祿麵", "U1"));
        assertEquals(List.of("U107"), searchOurs("食品行", "U1"));
        assertEquals(List.of("U107"), searchOurs("台北市士林", "U1"));
        // a change of nothing searchable (the phones) leaves it found; a new code is the one listed
        office().header("If-Match", "\"1\"").body(Map.of("phones", List.of("0911222333"))).patch("/api/customers/" + id)
                .then().statusCode(200);
        assertEquals(List.of("U107"), searchOurs("阿祿", "U1"));
        office().header("If-Match", "\"2\"").body(Map.of("code", "U108")).patch("/api/customers/" + id).then().statusCode(200);
        assertEquals(List.of("U108"), searchOurs("阿祿", "U1"));
    }

    /**
     * A customer found several ways (name, invoice title, an address holding q twice) is listed
     * once, at its best rank, and counted once.
     */
    @Test
    void aCustomerMatchingSeveralWaysIsListedOnceAtItsBestRank() {
        add("W301", "老王麵店", null, "臺北市鳳梨路1號", null, "商店", null);
        add("W302", "好吃鳳梨酥", "鳳梨食品行", "臺北市鳳梨路2號鳳梨大樓", null, "商店", null);
        add("W303", "阿美商行", "鳳梨企業社", "桃園市", null, "商店", null);
        add("W304", "鳳梨田", null, "臺南市關廟區鳳梨村", null, "商店", null);
        assertEquals(List.of("W304", "W302", "W303", "W301"), searchOurs("鳳梨", "W3"));
        io.restassured.response.Response all = office().queryParam("q", "鳳梨").queryParam("size", 200).get("/api/customers");
        List<String> codes = codes(all);
        assertEquals(new HashSet<>(codes).size(), codes.size(), "each customer once: " + codes);
        assertEquals(codes.size(), all.jsonPath().getLong("total"), "counted once each: " + codes);
        // the same with a filter, which reads each match's row
        assertEquals(List.of("W304", "W302", "W303", "W301"), codes(office().queryParam("q", "鳳梨").queryParam("active", true)
                .queryParam("size", 200).get("/api/customers")).stream().filter(c -> c.startsWith("W3")).toList());
    }

    /**
     * The index holds the first 12 characters of each suffix: a longer query (a whole address
     * pasted) is found by them, then told apart by the rest, and still ranked name first.
     */
    @Test
    void aQueryLongerThanTheIndexedPartIsMatchedWhole() {
        add("V201", "林宅", null, "臺北市大安區復興南路一段100號", null, "商店", null);
        add("V202", "王宅", null, "臺北市大安區復興南路一段109號", null, "商店", null);
        add("V203", "台北市大安區復興南路一段100號店", null, "桃園市", null, "商店", null);
        assertEquals(List.of("V203", "V201"), searchOurs("台北市大安區復興南路一段100號", "V2"));
        assertEquals(List.of("V202"), searchOurs("臺北市大安區復興南路一段109", "V2"));
        assertEquals(List.of("V203", "V201", "V202"), searchOurs("臺北市大安區復興南路一段1", "V2"));
        assertEquals(List.of("V203", "V201", "V202"), searchOurs("臺北市大安區復興南路一段", "V2"));
        assertEquals(List.of(), searchOurs("臺北市大安區復興南路一段101號", "V2"));
    }
}

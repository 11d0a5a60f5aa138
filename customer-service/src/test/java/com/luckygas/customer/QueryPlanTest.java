package com.luckygas.customer;

import static com.luckygas.customer.QueryPlans.usesIndex;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search and lookup statements the service really runs use their indexes on a book of tens
 * of thousands of customers (EXPLAIN of the exact SQL, not a timing).
 */
@QuarkusTest
class QueryPlanTest {

    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    CustomerSearch search;

    @BeforeEach
    void manyCustomers() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO customer.area (name) VALUES ('計畫區') ON CONFLICT DO NOTHING");
            // 100,000 customers with random Chinese names and addresses, random phones, a few areas
            s.execute("""
                    INSERT INTO customer.customer (code, short_name, address, area, phones, customer_type)
                    SELECT 'QP' || i,
                           (SELECT string_agg(chr(19968 + (random() * 20000)::int), '') FROM generate_series(1, 4 + i % 3) g),
                           (SELECT string_agg(chr(19968 + (random() * 20000)::int), '') FROM generate_series(1, 12) g),
                           CASE WHEN i % 10 = 0 THEN '計畫區' END,
                           ARRAY['09' || lpad((10000000 + i)::text, 8, '0')],
                           '計畫' || (i % 4)
                    FROM generate_series(1, 100000) i""");
            s.execute("UPDATE customer.customer SET short_name = '龍山寺素食小吃' WHERE code = 'QP777'");
            s.execute("ANALYZE customer.customer");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        DataSource ds = io.quarkus.arc.Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM customer.customer WHERE code LIKE 'QP%'");
        }
    }

    private String plan(CustomerSearch.Statement statement) {
        return QueryPlans.plan(em, statement);
    }

    @Test
    void chineseSubstringSearchUsesTheGramIndex() {
        String plan = plan(search.rows(new CustomerSearch.Filters("龍山寺", null, null, null, null), null, 0, 50));
        usesIndex(plan, "customer_search_grams_idx");
        usesIndex(plan(search.count(new CustomerSearch.Filters("素食", null, null, null, null))), "customer_search_grams_idx");
    }

    /**
     * The rows the indexes find are tested by their text only: a filter that re-tests the gram
     * containment (the whole OR re-evaluated on each candidate) made a search matching thousands of
     * customers a third slower (docs/benchmarks.md).
     */
    @Test
    void candidatesAreTestedByTheirTextNotTheirGramsAgain() {
        for (String q : List.of("龍山寺", "0910-012-345", "012345")) {
            String plan = plan(search.rows(new CustomerSearch.Filters(q, null, null, null, null), null, 0, 50));
            List<String> filters = plan.lines().filter(l -> l.strip().startsWith("Filter:")).toList();
            assertFalse(filters.isEmpty(), "no filter on the candidates of " + q + ":\n" + plan);
            filters.forEach(f -> {
                assertFalse(f.contains("search_grams"), "the grams are tested again for " + q + ":\n" + plan);
                assertTrue(f.contains("address_folded ~~"), "the text is not tested for " + q + ":\n" + plan);
            });
        }
    }

    @Test
    void phoneSearchUsesThePhoneIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("0910-012-345", null, null, null, null), null, 0, 50)),
                "customer_phones_idx");
    }

    /** What people type (台 for 臺, full-width digits) is folded before the grams: the index still serves it. */
    @Test
    void foldedSearchUsesTheGramIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("台北小館", null, null, null, null), null, 0, 50)),
                "customer_search_grams_idx");
        usesIndex(plan(search.rows(new CustomerSearch.Filters("龍山寺１２", null, null, null, null), null, 0, 50)),
                "customer_search_grams_idx");
    }

    @Test
    void theEndOfANumberUsesThePhoneEndingsIndex() {
        String plan = plan(search.rows(new CustomerSearch.Filters("012345", null, null, null, null), null, 0, 50));
        usesIndex(plan, "customer_phone_endings_idx");
        usesIndex(plan(search.count(new CustomerSearch.Filters("８７６５４３", null, null, null, null))), "customer_phone_endings_idx");
    }

    @Test
    void callerLookupUsesThePhoneIndex() {
        usesIndex(plan(search.callers("0910012345")), "customer_phones_idx");
    }

    @Test
    void codeSearchUsesTheCodeIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("QP12345", null, null, null, null), null, 0, 50)),
                "customer_code_key");
    }

    @Test
    void areaListUsesTheAreaIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters(null, "計畫區", null, null, null), null, 0, 50)),
                "customer_area_code_idx");
    }

    @Test
    void plainListWalksTheCodeIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters(null, null, null, null, null), null, 0, 50)),
                "customer_code_key");
    }

    @Test
    void lookupUsesThePrimaryKey() {
        @SuppressWarnings("unchecked")
        List<Object> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("EXPLAIN " + CustomerBook.LOOKUP_SQL)
                .setParameter("ids", java.util.stream.LongStream.rangeClosed(1, 500).boxed().toArray(Long[]::new))
                .getResultList());
        usesIndex(rows.stream().map(String::valueOf).collect(Collectors.joining("\n")), "customer_pkey");
    }
}

package com.luckygas.customer;

import static com.luckygas.customer.QueryPlans.usesIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.customer.CustomerSearch.Sort;
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
            // 100 more matches of 龍山寺, by their invoice title
            s.execute("UPDATE customer.customer SET invoice_title = '萬華龍山寺街商行' "
                    + "WHERE code IN (SELECT 'QP' || i FROM generate_series(1000, 100000, 1000) i)");
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

    private String analyze(CustomerSearch.Statement statement) {
        return QueryPlans.plan(em, new CustomerSearch.Statement("(ANALYZE, TIMING OFF, SUMMARY OFF) " + statement.sql(), statement.params()));
    }

    @Test
    void chineseSubstringSearchUsesTheSuffixIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("龍山寺", null, null, null, null), null, 0, 50)), "search_suffix_idx");
        usesIndex(plan(search.count(new CustomerSearch.Filters("素食", null, null, null, null))), "search_suffix_idx");
        // filtered: the matches' rows are read by primary key, never the whole table
        usesIndex(plan(search.rows(new CustomerSearch.Filters("素食", "計畫區", null, true, null), Sort.NAME, 0, 50)),
                "search_suffix_idx");
    }

    /**
     * A search's matches are ranked and counted from the suffix index alone: the customer table
     * is read for the page's rows only (a search that read every match's row was 3x slower at
     * 3,000 matches, docs/benchmarks.md). A query longer than an indexed suffix is the exception:
     * its candidates are tested by their text.
     */
    @Test
    void matchesAreRankedAndCountedFromTheIndexAloneAndOnlyThePageReadsTheTable() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM customer.search_suffix"); // the visibility map that an index-only scan relies on
        }
        CustomerSearch.Filters q = new CustomerSearch.Filters("龍山寺", null, null, null, null);
        assertEquals(101, QuarkusTransaction.requiringNew().call(() -> search.search(q, null, 0, 20)).total());
        String plan = analyze(search.rows(q, null, 0, 20));
        assertTrue(plan.contains("Index Only Scan using search_suffix_idx"), plan);
        List<String> customerReads = plan.lines().filter(l -> l.contains(" on customer ")).toList();
        assertTrue(customerReads.stream().anyMatch(l -> l.contains("customer_pkey") && l.contains("loops=20)")), plan);
        customerReads.forEach(l -> assertTrue(l.contains("never executed") || l.contains("customer_code_key")
                || (l.contains("customer_pkey") && l.contains("loops=20)")), "the table is read for more than the page:\n" + plan));

        String longPlan = analyze(search.rows(new CustomerSearch.Filters("龍山寺素食小吃龍山寺素食小吃", null, null, null, null), null, 0, 20));
        assertTrue(longPlan.lines().anyMatch(l -> l.contains("Filter:") && l.contains("address_folded ~~")), longPlan);
        assertTrue(longPlan.lines().anyMatch(l -> l.contains("Index Only Scan using search_suffix_idx") && l.contains("never executed")),
                longPlan);
    }

    /**
     * A search's plan does not depend on its values (they reach it through one computed row), so
     * PostgreSQL keeps one generic plan for the prepared statement instead of planning every
     * search again: planning was about 1 ms of a 1–5 ms search (docs/benchmarks.md).
     */
    @Test
    void aSearchIsPlannedOnceThenItsPlanIsKept() throws Exception {
        for (String q : List.of("龍山寺", "0910-012-345", "012345", "龍山寺素食小吃龍山寺素食小吃")) {
            CustomerSearch.Statement statement = search.rows(new CustomerSearch.Filters(q, null, null, null, null), null, 0, 20);
            String sql = statement.sql();
            List<String> types = new java.util.ArrayList<>();
            List<String> values = new java.util.ArrayList<>();
            for (var p : statement.params().entrySet()) {
                sql = sql.replace(":" + p.getKey(), "$" + (types.size() + 1));
                types.add(p.getValue() instanceof String ? "text" : p.getValue() instanceof Long ? "bigint" : "integer");
                values.add(p.getValue() instanceof String v ? "'" + v.replace("'", "''") + "'" : String.valueOf(p.getValue()));
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("PREPARE kept(" + String.join(", ", types) + ") AS " + sql);
                for (int n = 0; n < 8; n++) {
                    s.execute("EXECUTE kept(" + String.join(", ", values) + ")");
                }
                try (var rs = s.executeQuery("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'kept'")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getLong(1) >= 2, q + ": planned again on each execution");
                }
                s.execute("DEALLOCATE kept");
            }
        }
    }

    @Test
    void phoneSearchUsesThePhoneIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("0910-012-345", null, null, null, null), null, 0, 50)),
                "customer_phones_idx");
    }

    /** What people type (台 for 臺, full-width digits) is folded before the index: the index still serves it. */
    @Test
    void foldedSearchUsesTheSuffixIndex() {
        usesIndex(plan(search.rows(new CustomerSearch.Filters("台北小館", null, null, null, null), null, 0, 50)), "search_suffix_idx");
        usesIndex(plan(search.rows(new CustomerSearch.Filters("龍山寺１２", null, null, null, null), null, 0, 50)), "search_suffix_idx");
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

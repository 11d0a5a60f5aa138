package com.luckygas.customer;

import java.util.List;
import java.util.Map;

/**
 * The SQL of a text search's matches, for {@link CustomerSearch}: every customer that q finds, with
 * its rank in the relevance order and its sort keys. The text comes from the suffix index
 * (V6__search_suffixes.sql, ADR 0015), exact codes and phone numbers from their own indexes.
 */
final class SearchMatches {

    private SearchMatches() {
    }

    /**
     * Exact code first, then phone (the whole number, or its last 6+ digits), then name starting
     * with q, name containing q, invoice title, address — all compared folded ({@code customer.fold}:
     * 臺/台 and the other variant pairs, full-width forms, case; V5__search_folding.sql). The suffix
     * index stores the same ranks 2–5 as each suffix's kind ({@code customer.search_suffixes}, V6);
     * this CASE ranks what the index cannot (long queries, exact matches).
     * {@code CustomerSearchTest} holds both to the same order.
     */
    private static String rank(boolean hasPhone, boolean hasEnding) {
        return "CASE WHEN c.code = " + Q + " THEN 0"
                + (hasPhone ? " WHEN c.phones @> ARRAY[" + PHONE + "] THEN 1" : "")
                + (hasEnding ? " WHEN c.phone_endings @> ARRAY[" + ENDING + "] THEN 1" : "")
                + " WHEN c.name_folded LIKE " + PREFIX + " THEN 2"
                + " WHEN c.name_folded LIKE " + CONTAINS + " THEN 3"
                + " WHEN c.title_folded LIKE " + CONTAINS + " THEN 4"
                + " ELSE 5 END";
    }

    /**
     * What a search compares, computed once per statement from the parameters in the one-row
     * {@code k} (see {@link #hits}): q itself, its phone number and number ending, its key in the
     * suffix index (V6__search_suffixes.sql), whether that key is the whole folded query, and its
     * LIKE patterns (folded, LIKE's characters escaped).
     */
    private static final String Q = "(SELECT k.q FROM k)";
    private static final String PHONE = "(SELECT k.phone FROM k)";
    private static final String ENDING = "(SELECT k.ending FROM k)";
    private static final String KEY = "(SELECT k.key FROM k)";
    private static final String KEY_END = "(SELECT k.key || U&'\\+10FFFF' FROM k)";
    private static final String WHOLE = "(SELECT k.whole FROM k)";
    private static final String CONTAINS = "(SELECT k.contains FROM k)";
    private static final String PREFIX = "(SELECT k.prefix FROM k)";

    /**
     * Every way a customer matches q, with its rank and code: (1) the suffixes starting with the
     * query, read from the index alone, their kind being the rank — when the query is no longer
     * than an indexed suffix, which is nearly always; (2) for a longer query, the suffixes starting
     * with its first characters, tested by the customer's text; (3) exact code and phone numbers,
     * from their own indexes. The one-time filters on WHOLE make only one of (1) and (2) run.
     * A customer matching several ways appears several times: {@link #matches} keeps its best rank.
     * The parameters are read through {@code k} only: the plan then does not depend on their values,
     * and PostgreSQL keeps one generic plan for the prepared statement instead of planning each
     * search again (planning was about 1 ms of a 1–5 ms search, docs/benchmarks.md).
     */
    static String hits(Map<String, Object> params) {
        boolean hasPhone = params.containsKey("phone");
        boolean hasEnding = params.containsKey("ending");
        String exact = "c.code = " + Q
                + (hasPhone ? " OR c.phones @> ARRAY[" + PHONE + "]" : "")
                + (hasEnding ? " OR c.phone_endings @> ARRAY[" + ENDING + "]" : "");
        String range = "s.suffix >= " + KEY + " AND s.suffix < " + KEY_END;
        return "k AS MATERIALIZED (SELECT CAST(:q AS text) AS q, customer.search_key(customer.fold(:q)) AS key,"
                + " customer.search_key(customer.fold(:q)) = customer.fold(:q) AS whole,"
                + " '%' || customer.like_folded(:q) || '%' AS contains, customer.like_folded(:q) || '%' AS prefix"
                + (hasPhone ? ", CAST(:phone AS text) AS phone" : "") + (hasEnding ? ", CAST(:ending AS text) AS ending" : "") + "),"
                + " hits AS (SELECT s.customer_id AS id, s.kind AS rank, s.code FROM customer.search_suffix s"
                + " WHERE " + range + " AND " + WHOLE
                // each candidate's row by its key (OFFSET 0 keeps the join a lookup per candidate: planned
                // as a hash join it would read the whole table, the candidates' number being unknown)
                + " UNION ALL SELECT c.id, c.rank, c.code FROM customer.search_suffix s"
                + " CROSS JOIN LATERAL (SELECT c.id, " + rank(hasPhone, hasEnding) + " AS rank, c.code FROM customer.customer c"
                + " WHERE c.id = s.customer_id AND (c.name_folded LIKE " + CONTAINS + " OR c.title_folded LIKE " + CONTAINS
                + " OR c.address_folded LIKE " + CONTAINS + ") OFFSET 0) c"
                + " WHERE " + range + " AND NOT " + WHOLE
                + " UNION ALL SELECT c.id, " + rank(hasPhone, hasEnding) + ", c.code FROM customer.customer c WHERE " + exact + ")";
    }

    /**
     * One row per matching customer with its best rank and the sort keys. Without filters, ordered
     * by relevance or code, this needs nothing but the index; filters and the other orders read
     * each match's row. A customer's best hit is kept by sorting the hits by customer and rank
     * ({@code DISTINCT ON}): for the thousands of hits of a broad search this is about a fifth
     * cheaper than grouping them with min() (docs/benchmarks.md, "Keeping each customer's best hit").
     */
    static String matches(List<String> conditions, boolean rowNeeded) {
        String best = "SELECT DISTINCT ON (h.id) h.id, h.code, h.rank FROM hits h ORDER BY h.id, h.rank";
        if (!rowNeeded) {
            return best;
        }
        return "SELECT c.id, c.code, c.short_name, c.updated_at, h.rank FROM (" + best + ") h"
                + " JOIN customer.customer c ON c.id = h.id" + CustomerSearch.where(conditions);
    }
}

package com.luckygas.customer;

import com.luckygas.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The office's customer search: one {@code q} that is an exact code, a phone number in any
 * format, or part of the short name, invoice title or address (Chinese included), plus filters.
 * Every branch of the query has an index: code and phones on the customer (V2__customer_book.sql,
 * V5__search_folding.sql), the text in the suffix index (V6__search_suffixes.sql, ADR 0015). A
 * page costs one statement, two when it lies past the last match.
 */
@ApplicationScoped
public class CustomerSearch {

    /** Sort orders; every one ends with the id so that pages never overlap or skip. */
    public enum Sort {
        RELEVANCE, CODE, NAME, UPDATED;

        /**
         * The order over table {@code alias}: the customer itself ({@code c}) for a plain list, or
         * the matches' keys ({@code m}: id, code, short_name, updated_at, rank) for a search.
         */
        String orderBy(String alias) {
            String a = alias + ".";
            return switch (this) {
                case RELEVANCE -> a + "rank, " + a + "code, " + a + "id";
                case CODE -> a + "code, " + a + "id";
                case NAME -> a + "short_name, " + a + "code, " + a + "id";
                case UPDATED -> a + "updated_at DESC, " + a + "id DESC";
            };
        }
    }

    public record Filters(String q, String area, String type, Boolean active, Boolean hasCoordinates) {
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

    /** A built statement: SQL and its parameters (kept apart so that tests can EXPLAIN exactly it). */
    public record Statement(String sql, Map<String, Object> params) {

        public Query on(EntityManager em) {
            Query query = em.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query;
        }
    }

    final EntityManager em;

    CustomerSearch(EntityManager em) {
        this.em = em;
    }

    /**
     * One page in one statement: the page's rows, already in order, with just the columns a
     * result list shows. A search ({@code q}) must rank every match, so the same pass counts them:
     * the matches' sort keys are gathered once (from the suffix index alone when there are no
     * filters), counted, and only the page's ids are joined back for their columns. A plain or
     * filtered list walks an index for just one page and is counted apart (a second statement).
     */
    @SuppressWarnings("unchecked")
    public Page<CustomerSummary> search(Filters filters, Sort sort, int page, int size) {
        List<Object[]> rows = rows(filters, sort, page, size).on(em).getResultList();
        long total = rows.isEmpty() || rows.get(0)[COUNT] == null
                ? (rows.isEmpty() && page == 0 ? 0 : ((Number) count(filters).on(em).getSingleResult()).longValue())
                : ((Number) rows.get(0)[COUNT]).longValue();
        return new Page<>(summaries(rows), page, size, total);
    }

    private static List<CustomerSummary> summaries(List<Object[]> rows) {
        return rows.stream().map(r -> new CustomerSummary(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null || ((String) r[4]).isEmpty() ? List.of() : List.of(((String) r[4]).split(",")),
                (String) r[5], (String) r[6], (String) r[7], (Boolean) r[8], (Boolean) r[9],
                ((Number) r[10]).longValue())).toList();
    }

    /** At most this many customers share a number in a caller lookup's answer. */
    static final int CALLERS = 20;

    /** The customers with this phone number (national digits), active first, then by code: one index probe. */
    public Statement callers(String phone) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("phone", phone);
        params.put("limit", CALLERS);
        return new Statement("SELECT " + SUMMARY_COLUMNS + ", CAST(NULL AS bigint) FROM customer.customer c"
                + " WHERE c.phones @> ARRAY[CAST(:phone AS text)] ORDER BY c.active DESC, c.code, c.id LIMIT :limit", params);
    }

    /** The customers an incoming number belongs to: none, one, or several sharing it. */
    @SuppressWarnings("unchecked")
    public List<CustomerSummary> callersOf(String phone) {
        return summaries(callers(phone).on(em).getResultList());
    }

    private static final String SUMMARY_COLUMNS = "c.id, c.code, c.short_name, c.invoice_title, "
            + "array_to_string(c.phones, ','), c.address, c.area, c.customer_type, c.active, c.incomplete, c.version";
    private static final int COUNT = 11;

    public Statement rows(Filters filters, Sort sort, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String q = query(filters, params);
        List<String> conditions = filters(filters, params);
        Sort effective = sort != null ? sort : q != null ? Sort.RELEVANCE : Sort.CODE;
        if (effective == Sort.RELEVANCE && q == null) {
            effective = Sort.CODE;
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        if (q == null) {
            return new Statement("SELECT " + SUMMARY_COLUMNS + ", CAST(NULL AS bigint) FROM customer.customer c" + where(conditions)
                    + " ORDER BY " + effective.orderBy("c") + " LIMIT :limit OFFSET :offset", params);
        }
        boolean rowNeeded = !conditions.isEmpty() || effective == Sort.NAME || effective == Sort.UPDATED;
        return new Statement("WITH " + hits(params) + ", m AS MATERIALIZED (" + matches(conditions, rowNeeded) + "),"
                + " p AS (SELECT m.* FROM m ORDER BY " + effective.orderBy("m") + " LIMIT :limit OFFSET :offset)"
                + " SELECT " + SUMMARY_COLUMNS + ", (SELECT count(*) FROM m) FROM p m JOIN customer.customer c ON c.id = m.id"
                + " ORDER BY " + effective.orderBy("m"), params);
    }

    public Statement count(Filters filters) {
        Map<String, Object> params = new LinkedHashMap<>();
        String q = query(filters, params);
        List<String> conditions = filters(filters, params);
        if (q == null) {
            return new Statement("SELECT count(*) FROM customer.customer c" + where(conditions), params);
        }
        return new Statement("WITH " + hits(params) + " SELECT count(*) FROM (" + matches(conditions, !conditions.isEmpty()) + ") m",
                params);
    }

    /** The stripped query, recorded in params with the phone number or number ending it can be; null for none. */
    private static String query(Filters f, Map<String, Object> params) {
        String q = f.q() == null ? "" : f.q().strip();
        if (q.isEmpty()) {
            return null;
        }
        params.put("q", q);
        String phone = PhoneNumbers.normalise(q).orElse(null);
        if (phone != null) {
            params.put("phone", phone);
        }
        String ending = phone == null ? PhoneNumbers.ending(q).orElse(null) : null;
        if (ending != null) {
            params.put("ending", ending);
        }
        return q;
    }

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
    private static String hits(Map<String, Object> params) {
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
     * each match's row.
     */
    private static String matches(List<String> conditions, boolean rowNeeded) {
        if (!rowNeeded) {
            return "SELECT h.id, min(h.code) AS code, min(h.rank) AS rank FROM hits h GROUP BY h.id";
        }
        return "SELECT c.id, c.code, c.short_name, c.updated_at, min(h.rank) AS rank FROM hits h"
                + " JOIN customer.customer c ON c.id = h.id" + where(conditions) + " GROUP BY c.id";
    }

    private static List<String> filters(Filters f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.area() != null && !f.area().isBlank()) {
            params.put("area", f.area().strip());
            conditions.add("c.area = :area");
        }
        if (f.type() != null && !f.type().isBlank()) {
            params.put("type", f.type().strip());
            conditions.add("c.customer_type = :type");
        }
        if (f.active() != null) {
            params.put("active", f.active());
            conditions.add("c.active = :active");
        }
        if (f.hasCoordinates() != null) {
            conditions.add(f.hasCoordinates() ? "c.latitude IS NOT NULL" : "c.latitude IS NULL");
        }
        return conditions;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}

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
        return new Statement("WITH " + SearchMatches.hits(params) + ", m AS MATERIALIZED ("
                + SearchMatches.matches(conditions, rowNeeded) + "),"
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
        return new Statement("WITH " + SearchMatches.hits(params) + " SELECT count(*) FROM ("
                + SearchMatches.matches(conditions, !conditions.isEmpty()) + ") m", params);
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

    static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}

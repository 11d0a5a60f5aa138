package com.luckygas.delivery.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.order.Order;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.delivery.history.DeliveryView.DeliveryItemView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A customer's deliveries, newest first, in keyset pages: each page continues strictly after the
 * last (delivered_at, id) of the previous one, so pages never skip or repeat rows however many
 * deliveries are added meanwhile, and crossing from live deliveries into the archive unnoticed.
 * The office asks this while the customer waits on the phone, so it is one statement (on
 * delivery_customer_idx and delivery_archive_customer_idx, then each row's items from the table
 * the row came from) read by plain JDBC, one row per item, and the page's JSON is written straight
 * to bytes by Jackson: no entities, no persistence context. Building the JSON in PostgreSQL
 * instead (json_agg, json_build_object) made PostgreSQL's part 2.4 times as expensive, and
 * PostgreSQL is most of a page's CPU (docs/benchmarks.md).
 */
@ApplicationScoped
public class CustomerHistory {

    private static final String PAGE = """
            WITH page AS (
                (SELECT d.*, true AS live FROM delivery.delivery d WHERE customer_id = :customer %1$s
                 ORDER BY delivered_at DESC, id DESC LIMIT :limit)
                UNION ALL
                (SELECT a.*, false FROM delivery.delivery_archive a WHERE customer_id = :customer %1$s
                 ORDER BY delivered_at DESC, id DESC LIMIT :limit)
                ORDER BY delivered_at DESC, id DESC
                LIMIT :limit)
            SELECT p.id, p.order_id, p.customer_id, p.delivered_at, p.delivery_date, p.driver_id, p.driver_name,
                   p.amount_collected, p.payment_method, p.notes, i.product_code, i.quantity, i.empties, p.value, i.unit_price
            FROM page p
            LEFT JOIN LATERAL (
                SELECT product_code, quantity, empties, unit_price FROM delivery.delivery_item WHERE p.live AND delivery_id = p.id
                UNION ALL
                SELECT product_code, quantity, empties, unit_price FROM delivery.delivery_item_archive WHERE NOT p.live AND delivery_id = p.id
            ) i ON true
            ORDER BY p.delivered_at DESC, p.id DESC, i.product_code""";

    /** The statement for a first page, and for the pages after a cursor (kept apart so tests can EXPLAIN them). */
    public static final String FIRST_PAGE = PAGE.formatted("");
    public static final String NEXT_PAGE = PAGE.formatted("AND (delivered_at, id) < (:at, :id)");

    /** Where the previous page ended. */
    public record After(OffsetDateTime deliveredAt, long id) {
    }

    /** A statement above with its {@code :name} parameters turned into JDBC's positional ones. */
    record Positional(String sql, List<String> names) {
        static Positional of(String named) {
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(named);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Positional(sql.toString(), List.copyOf(names));
        }
    }

    private static final Positional FIRST = Positional.of(FIRST_PAGE);
    private static final Positional NEXT = Positional.of(NEXT_PAGE);
    final DataSource dataSource;
    final ObjectMapper json;

    CustomerHistory(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * The page as UTF-8 JSON ({@link Page}); {@code cursorOf} turns the last row's (delivered_at, id)
     * into the cursor of the following page, which is null when the page is not full.
     */
    public byte[] page(long customerId, After after, int limit, BiFunction<OffsetDateTime, Long, String> cursorOf) {
        List<DeliveryView> deliveries = read(customerId, after, limit);
        DeliveryView last = deliveries.isEmpty() ? null : deliveries.get(deliveries.size() - 1);
        String next = deliveries.size() < limit ? null : cursorOf.apply(last.deliveredAt(), last.id());
        try {
            return json.writeValueAsBytes(new Page(deliveries, next));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a history page", e);
        }
    }

    /** The customer's {@code limit} deliveries after {@code after} (null: the latest), newest first. */
    public List<DeliveryView> read(long customerId, After after, int limit) {
        Positional statement = after == null ? FIRST : NEXT;
        List<DeliveryView> deliveries = new ArrayList<>(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.names().size(); i++) {
                switch (statement.names().get(i)) {
                    case "customer" -> query.setLong(i + 1, customerId);
                    case "limit" -> query.setInt(i + 1, limit);
                    case "at" -> query.setObject(i + 1, after.deliveredAt());
                    case "id" -> query.setLong(i + 1, after.id());
                    default -> throw new IllegalStateException("no value for :" + statement.names().get(i));
                }
            }
            try (ResultSet row = query.executeQuery()) {
                long current = Long.MIN_VALUE;
                List<DeliveryItemView> items = null;
                while (row.next()) {
                    long id = row.getLong(1);
                    if (id != current) {
                        current = id;
                        items = new ArrayList<>(2);
                        String payment = row.getString(9);
                        deliveries.add(new DeliveryView(id, nullableLong(row, 2), row.getLong(3),
                                row.getObject(4, OffsetDateTime.class), row.getObject(5, LocalDate.class),
                                row.getString(6), row.getString(7), nullableLong(row, 8),
                                payment == null ? null : Order.PaymentMethod.valueOf(payment), row.getString(10),
                                nullableLong(row, 14), items));
                    }
                    String product = row.getString(11);
                    if (product != null) {
                        items.add(new DeliveryItemView(product, row.getBigDecimal(12), row.getInt(13), row.getBigDecimal(15)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the customer's history", e);
        }
        return deliveries;
    }

    /** A page of a customer's history, as the API returns it. */
    @RegisterForReflection
    @Schema(name = "DeliveryPage")
    public record Page(List<DeliveryView> items, String next) {
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}

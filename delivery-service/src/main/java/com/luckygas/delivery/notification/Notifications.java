package com.luckygas.delivery.notification;

import com.luckygas.delivery.order.OrderAction;
import com.luckygas.delivery.SlowStatementLog;
import com.luckygas.delivery.order.Order;
import com.luckygas.delivery.order.OrderItem;
import com.luckygas.delivery.product.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import com.luckygas.common.BusinessClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the SMS a customer gets, in Traditional Chinese, into the outbox — always inside the
 * transaction of the change it announces, so that a message exists exactly when the change does.
 */
@ApplicationScoped
public class Notifications {

    static final String SIGNATURE = "【幸福氣體】";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    final EntityManager em;

    Notifications(EntityManager em) {
        this.em = em;
    }

    /** "Your order is confirmed": only for customers with a mobile number. */
    public void orderConfirmed(Order order, Collection<OrderItem> items, Map<String, Product> products) {
        if (order.customerPhone == null) {
            return;
        }
        String what = items.stream().map(i -> products.get(i.productCode).name + "×"
                        + i.quantity.stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("、"));
        Notification n = new Notification();
        n.orderId = order.id;
        n.kind = "ORDER_CONFIRMED";
        n.phone = order.customerPhone;
        n.body = SIGNATURE + order.customerName + "您好，您的訂單已確認：" + DAY.format(order.requestedDate) + "送達 "
                + what + "，金額 NT$" + order.totalAmount + "。";
        n.persist();
    }

    /**
     * "The driver is on the way", for every order a driver has just set out with: with the time to
     * expect him when the order has a published estimate ("約10:40–11:10"), shifted by how late he
     * left the depot. Two statements whatever the number of orders.
     */
    public int onTheWay(String driverId, LocalDate day, OffsetDateTime setOut) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT o.id, o.customer_phone, coalesce(o.customer_name, ''), o.eta, o.trip_departure
                FROM delivery.orders o
                WHERE o.driver_id = :driver AND o.requested_date = :day AND o.status = :out
                  AND o.customer_phone IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM delivery.notification n WHERE n.order_id = o.id AND n.kind = 'ON_THE_WAY')""")
                .setParameter("driver", driverId).setParameter("day", day)
                .setParameter("out", OrderAction.SET_OUT.to().name()).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        LocalTime leftAt = setOut.atZoneSameInstant(BusinessClock.TAIPEI).toLocalTime();
        Long[] ids = new Long[rows.size()];
        String[] phones = new String[rows.size()];
        String[] bodies = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            ids[i] = ((Number) r[0]).longValue();
            phones[i] = (String) r[1];
            String window = window(time(r[3]), time(r[4]), leftAt);
            bodies[i] = SIGNATURE + r[2] + (window == null ? "您好，司機已出發，今天將為您送達訂購的瓦斯。"
                    : "您好，司機已出發，預計" + window + "送達訂購的瓦斯。");
        }
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                INSERT INTO delivery.notification (order_id, kind, phone, body)
                SELECT id, 'ON_THE_WAY', phone, body
                FROM unnest(CAST(:ids AS bigint[]), CAST(:phones AS text[]), CAST(:bodies AS text[])) AS m(id, phone, body)
                ON CONFLICT (order_id, kind) DO NOTHING""")
                .setParameter("ids", ids).setParameter("phones", phones).setParameter("bodies", bodies));
    }

    /**
     * The half hour to expect the driver, as "約10:40–11:10": the route's estimated arrival, later by
     * as much as he left the depot after the trip's planned departure, from 5 minutes before it
     * rounded down to ten minutes. None without an estimate, or past midnight.
     */
    static String window(LocalTime eta, LocalTime tripDeparts, LocalTime leftAt) {
        if (eta == null) {
            return null;
        }
        int late = tripDeparts == null ? 0 : Math.max(0, leftAt.toSecondOfDay() - tripDeparts.toSecondOfDay());
        int expected = eta.toSecondOfDay() + late;
        int from = (expected - 5 * 60) / 600 * 600;
        int to = from + 30 * 60;
        if (from < 0 || to >= 24 * 3600) {
            return null;
        }
        return "約" + LocalTime.ofSecondOfDay(from) + "–" + LocalTime.ofSecondOfDay(to);
    }

    private static LocalTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) value;
    }
}

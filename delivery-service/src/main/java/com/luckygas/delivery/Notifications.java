package com.luckygas.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.format.DateTimeFormatter;
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

    /** "The driver is on the way", for every order a driver has just set out with (one statement). */
    public int onTheWay(String driverId, java.time.LocalDate day) {
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                INSERT INTO delivery.notification (order_id, kind, phone, body)
                SELECT o.id, 'ON_THE_WAY', o.customer_phone,
                       :signature || coalesce(o.customer_name, '') || '您好，司機已出發，今天將為您送達訂購的瓦斯。'
                FROM delivery.orders o
                WHERE o.driver_id = :driver AND o.requested_date = :day AND o.status = 'OUT_FOR_DELIVERY'
                  AND o.customer_phone IS NOT NULL
                ON CONFLICT (order_id, kind) DO NOTHING""")
                .setParameter("signature", SIGNATURE).setParameter("driver", driverId).setParameter("day", day)
                );
    }
}

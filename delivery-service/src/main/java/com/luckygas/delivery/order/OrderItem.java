package com.luckygas.delivery.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One line of an order, with the unit price taken when the order was made. */
@Entity
@Table(name = "order_item")
@IdClass(OrderItem.Key.class)
public class OrderItem extends PanacheEntityBase {

    /** Composite key (order, line). */
    public static class Key implements Serializable {
        public Long orderId;
        public Integer lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(orderId, k.orderId) && java.util.Objects.equals(lineNo, k.lineNo);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(orderId, lineNo);
        }
    }

    @Id
    @Column(name = "order_id")
    public Long orderId;

    @Id
    @Column(name = "line_no")
    public Integer lineNo;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;
}

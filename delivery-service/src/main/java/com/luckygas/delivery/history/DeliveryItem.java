package com.luckygas.delivery.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import com.luckygas.delivery.order.CompleteStop;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per product: what was delivered (cylinders, or kg of flow gas) and the empties taken back. */
@Entity
@Table(name = "delivery_item")
@IdClass(DeliveryItem.Key.class)
public class DeliveryItem extends PanacheEntityBase {

    /** Composite key (delivery, product). */
    public static class Key implements Serializable {
        public Long deliveryId;
        public String productCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(deliveryId, k.deliveryId)
                    && java.util.Objects.equals(productCode, k.productCode);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(deliveryId, productCode);
        }
    }

    @Id
    @Column(name = "delivery_id")
    public Long deliveryId;

    @Id
    @Column(name = "product_code")
    public String productCode;

    @Column(nullable = false)
    public BigDecimal quantity = BigDecimal.ZERO;

    @Column(nullable = false)
    public int empties;

    /** The price it was valued at: the order's snapshot, else the price book's on the day. */
    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    /** Writes a delivery's lines as the driver (or a correction) reported them, each at its unit price. */
    public static List<DeliveryItem> record(long deliveryId, List<CompleteStop.DeliveredItem> lines,
                                            Map<String, BigDecimal> unitPrices) {
        List<DeliveryItem> items = new ArrayList<>(lines.size());
        for (CompleteStop.DeliveredItem line : lines) {
            DeliveryItem item = new DeliveryItem();
            item.deliveryId = deliveryId;
            item.productCode = line.productCode();
            item.quantity = line.quantity();
            item.empties = line.empties();
            item.unitPrice = unitPrices.get(line.productCode());
            item.persist();
            items.add(item);
        }
        return items;
    }
}

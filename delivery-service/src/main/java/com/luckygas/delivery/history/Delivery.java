package com.luckygas.delivery.history;

import com.luckygas.delivery.order.Order;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Cylinders that reached a customer: from a completed order, or from the imported history. */
@Entity
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "delivered_at", nullable = false)
    public OffsetDateTime deliveredAt;

    @Column(name = "delivery_date", nullable = false)
    public LocalDate deliveryDate;

    @Column(name = "driver_id")
    public String driverId;

    @Column(name = "driver_name")
    public String driverName;

    @Column(name = "amount_collected")
    public Long amountCollected;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    public Order.PaymentMethod paymentMethod;

    public String notes;

    /** Σ quantity × unit price of its items, whole NT$; null for the imported history (no prices). */
    public Long value;

    /** The customer's area and type when delivered: what the monthly report groups by. */
    public String area;

    @Column(name = "customer_type")
    public String customerType;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now();
    }
}

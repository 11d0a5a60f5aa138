package com.luckygas.delivery.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

@Entity
@Table(name = "orders")
public class Order extends AuditedEntity {

    /** Where an order stands; what may happen to it in each state: {@link OrderAction}. */
    @Schema(name = "OrderStatus")
    public enum Status { PENDING, ASSIGNED, OUT_FOR_DELIVERY, DELIVERED, FAILED, CANCELLED }

    public enum PaymentMethod { CASH, MONTHLY, TRANSFER }

    public enum Source { PHONE, TEMPLATE, APP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "customer_code")
    public String customerCode;

    @Column(name = "customer_name")
    public String customerName;

    public String area;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "customer_type")
    public String customerType;

    @Column(name = "requested_date", nullable = false)
    public LocalDate requestedDate;

    @Column(name = "window_start")
    public LocalTime windowStart;

    @Column(name = "window_end")
    public LocalTime windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    /** Whole NT$. */
    @Column(name = "total_amount", nullable = false)
    public long totalAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false)
    public PaymentMethod paymentMethod = PaymentMethod.CASH;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source = Source.PHONE;

    public String notes;

    @Column(name = "driver_id")
    public String driverId;

    @Column(name = "route_id")
    public Long routeId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    @Column(name = "template_id")
    public Long templateId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_by")
    public String createdBy;

    /** When the driver set out with it. */
    @Column(name = "out_at")
    public OffsetDateTime outAt;

    /** When it was delivered or failed. */
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The trip of its published route (a departure from the depot), if route-service published one. */
    public Integer trip;

    /** The published route's estimated arrival. */
    public LocalTime eta;

    /** When the order's trip was planned to leave the depot. */
    @Column(name = "trip_departure")
    public LocalTime tripDeparture;
}

package com.luckygas.delivery.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;

/** An SMS in the outbox: written with the order change it announces, sent later by {@link NotificationSender}. */
@Entity
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public Long orderId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status = "PENDING";

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt = OffsetDateTime.now();

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}

package com.luckygas.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import java.time.OffsetDateTime;

/** A district customers are grouped by; the managed list a customer's area must come from. */
@Entity
public class Area extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "depot_id")
    public Long depotId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now();
    }
}

package com.luckygas.route;

import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** Where routes start and end. */
@Entity
public class Depot extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String address;

    @Column(nullable = false)
    public BigDecimal latitude;

    @Column(nullable = false)
    public BigDecimal longitude;

    @Column(nullable = false)
    public boolean active = true;
}

package com.luckygas.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A product: a cylinder size or brand, or metered (flow) gas sold by the kg. */
@Entity
public class Product extends PanacheEntityBase {

    public enum Kind { CYLINDER, FLOW }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "size_kg", nullable = false)
    public BigDecimal sizeKg;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}

package com.luckygas.route;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A car or a scooter, with what it can carry: a number of cylinders and a total weight. */
@Entity
public class Vehicle extends AuditedEntity {

    @Schema(name = "VehicleKind")
    public enum Kind { CAR, SCOOTER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String plate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "capacity_cylinders", nullable = false)
    public int capacityCylinders;

    @Column(name = "capacity_kg", nullable = false)
    public BigDecimal capacityKg;

    @Column(nullable = false)
    public boolean active = true;

    /** The depot it is based at. */
    @Column(name = "depot_id")
    public Long depotId;
}

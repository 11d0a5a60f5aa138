package com.luckygas.route.planning.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalTime;

/** One driver's route in a plan, with the vehicle as it was when planned and the route's totals. */
@Entity
@Table(name = "plan_route")
public class PlanRoute extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "driver_id", nullable = false)
    public String driverId;

    @Column(name = "driver_name", nullable = false)
    public String driverName;

    @Column(name = "vehicle_id")
    public Long vehicleId;

    @Column(name = "vehicle_plate")
    public String vehiclePlate;

    @Column(name = "vehicle_kind", nullable = false)
    public String vehicleKind;

    @Column(name = "capacity_cylinders", nullable = false)
    public int capacityCylinders;

    @Column(name = "capacity_kg", nullable = false)
    public BigDecimal capacityKg;

    @Column(name = "shift_start", nullable = false)
    public LocalTime shiftStart;

    @Column(name = "shift_end", nullable = false)
    public LocalTime shiftEnd;

    @Column(name = "stop_count", nullable = false)
    public int stopCount;

    @Column(nullable = false)
    public int cylinders;

    @Column(name = "load_kg", nullable = false)
    public BigDecimal loadKg = BigDecimal.ZERO;

    @Column(name = "distance_m", nullable = false)
    public long distanceM;

    @Column(name = "duration_s", nullable = false)
    public long durationS;

    @Column(name = "return_s")
    public Integer returnS;
}

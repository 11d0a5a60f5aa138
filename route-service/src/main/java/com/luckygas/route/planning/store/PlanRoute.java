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

    /** False when the driver is in the plan only for what he did or carries (he was not asked to take new stops). */
    @Column(name = "takes_new", nullable = false)
    public boolean takesNew = true;

    /** He had set out when the plan was made. */
    @Column(name = "set_out", nullable = false)
    public boolean setOut;

    /** Where the rest of his day starts (seconds of the day): the shift start, now, or after what he carries. */
    @Column(name = "start_s")
    public Integer startS;

    @Column(name = "break_from")
    public LocalTime breakFrom;

    @Column(name = "break_until")
    public LocalTime breakUntil;

    @Column(name = "break_minutes", nullable = false)
    public int breakMinutes;

    /** Where the plan places his break, if it does. */
    @Column(name = "break_start_s")
    public Integer breakStartS;

    @Column(nullable = false)
    public int trips;
}

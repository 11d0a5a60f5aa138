package com.luckygas.route.planning.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An order of the plan's day: on a route ({@link #driverId}, {@link #seq}) or unplanned with the
 * reason; its problem data (place, load, window, access) so that the plan can be rebuilt for a
 * change by hand; and what the driver needs at the door, as JSON.
 */
@Entity
@Table(name = "plan_stop")
public class PlanStop extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(name = "driver_id")
    public String driverId;

    public Integer seq;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Column(nullable = false)
    public int cylinders;

    @Column(name = "load_kg", nullable = false)
    public BigDecimal loadKg;

    @Column(name = "ready_s", nullable = false)
    public int readyS;

    @Column(name = "due_s", nullable = false)
    public int dueS;

    @Column(name = "service_s", nullable = false)
    public int serviceS;

    @Column(nullable = false)
    public String access;

    @Column(name = "arrival_s")
    public Integer arrivalS;

    @Column(name = "start_s")
    public Integer startS;

    @Column(name = "departure_s")
    public Integer departureS;

    @Column(name = "leg_distance_m")
    public Long legDistanceM;

    @Column(name = "leg_duration_s")
    public Long legDurationS;

    /** False when the order cannot be planned at all (no coordinates, customer closed, …). */
    @Column(nullable = false)
    public boolean plannable;

    @Column(name = "unplanned_reason")
    public String unplannedReason;

    @Column(nullable = false)
    public String door;

    /** As when the plan was made: to come, carried by the driver who set out with it, delivered or failed. */
    public enum State { PLANNED, CARRIED, DONE, FAILED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PLANNED;

    /** When it was delivered or failed. */
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The departure from the depot it is served on. */
    public Integer trip;

    /** The vehicle goes back to the depot to reload before this stop. */
    @Column(name = "reload_before", nullable = false)
    public boolean reloadBefore;

    /** The first stop of a trip: when the vehicle leaves the depot for it. */
    @Column(name = "depot_departure_s")
    public Integer depotDepartureS;

    /** The last stop of a trip: when the vehicle is back at the depot. */
    @Column(name = "depot_return_s")
    public Integer depotReturnS;

    /** The office moved it away from this driver, who had set out with it. */
    @Column(name = "taken_from")
    public String takenFrom;
}

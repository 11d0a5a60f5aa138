package com.luckygas.route;

import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalTime;

@Entity
public class Driver extends AuditedEntity {

    /** The driver id ({@code driver_id} claim of the driver's token). */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String phone;

    @Column(nullable = false)
    public boolean active = true;

    /** The vehicle the driver usually drives. */
    @Column(name = "vehicle_id")
    public Long vehicleId;

    @Column(name = "shift_start", nullable = false)
    public LocalTime shiftStart = LocalTime.of(8, 0);

    @Column(name = "shift_end", nullable = false)
    public LocalTime shiftEnd = LocalTime.of(18, 0);

    /** The depot he works from: its plans take him by default. */
    @Column(name = "depot_id")
    public Long depotId;

    /** His break: {@link #breakMinutes} long, starting between these two times (0 minutes: none). */
    @Column(name = "break_from", nullable = false)
    public LocalTime breakFrom = LocalTime.of(11, 30);

    @Column(name = "break_until", nullable = false)
    public LocalTime breakUntil = LocalTime.of(13, 30);

    @Column(name = "break_minutes", nullable = false)
    public int breakMinutes = 30;
}

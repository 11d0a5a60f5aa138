package com.luckygas.route;

import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

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
}

package com.luckygas.customer;

import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Customer extends AuditedEntity {

    public enum PaymentTerm { CASH, MONTHLY, TRANSFER }

    public enum Slot { ANY, MORNING, NOON, EVENING }

    public enum VehicleAccess { ANY, CAR, SCOOTER }

    public enum Equipment { FLOW_METER, CHANGEOVER_VALVE, SMART_SCALE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(name = "short_name", nullable = false)
    public String shortName;

    @Column(name = "invoice_title")
    public String invoiceTitle;

    /** National-format digits, e.g. {@code 0912345678}. */
    @Column(nullable = false)
    public String[] phones = new String[0];

    public String address;

    public String area;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Column(name = "customer_type")
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_term", nullable = false)
    public PaymentTerm paymentTerm = PaymentTerm.CASH;

    @Column(name = "pricing_method")
    public String pricingMethod;

    /** Start hours of accepted one-hour delivery windows, ascending. */
    @Column(name = "accepted_hours", nullable = false)
    public Integer[] acceptedHours = new Integer[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_slot", nullable = false)
    public Slot preferredSlot = Slot.ANY;

    @Column(name = "closed_days")
    public String closedDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_access", nullable = false)
    public VehicleAccess vehicleAccess = VehicleAccess.ANY;

    @Column(name = "avg_daily_use_kg")
    public BigDecimal avgDailyUseKg;

    @Column(name = "max_cycle_days")
    public Integer maxCycleDays;

    @Column(name = "allowed_delay_days")
    public Integer allowedDelayDays;

    @Column(name = "monthly_volume")
    public BigDecimal monthlyVolume;

    @Column(name = "subscription_member", nullable = false)
    public boolean subscriptionMember;

    @Column(name = "needs_same_day", nullable = false)
    public boolean needsSameDay;

    @Column(nullable = false)
    public boolean terminated;

    @Column(nullable = false)
    public String[] equipment = new String[0];

    /** Product code to number of cylinders held. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cylinders_held", nullable = false)
    public Map<String, Integer> cylindersHeld = new TreeMap<>();

    @Column(name = "delivery_notes")
    public String deliveryNotes;

    @Column(nullable = false)
    public boolean active = true;

    /** Created by the importer from an unknown code: details still to be filled in. */
    @Column(nullable = false)
    public boolean incomplete;
}

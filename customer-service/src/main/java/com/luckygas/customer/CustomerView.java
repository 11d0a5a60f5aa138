package com.luckygas.customer;

import com.luckygas.customer.Customer.PaymentTerm;
import com.luckygas.customer.Customer.Slot;
import com.luckygas.customer.Customer.VehicleAccess;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A customer as the API shows it. {@code closedDaysReading} is how the closed-days text is read
 * (weekdays, days of the month, what was not understood): what planning applies.
 * {@code cylindersHeld} is the cylinder ledger's balance (delivery-service) on the single-customer
 * answers, null in lookups and when the ledger could not be read.
 */
public record CustomerView(
        long id, String code, String shortName, String invoiceTitle, List<String> phones, String address, String area,
        BigDecimal latitude, BigDecimal longitude, String type, PaymentTerm paymentTerm, String pricingMethod,
        List<Integer> acceptedHours, Slot preferredSlot, String closedDays, ClosedDays.Reading closedDaysReading,
        VehicleAccess vehicleAccess,
        BigDecimal avgDailyUseKg, Integer maxCycleDays, Integer allowedDelayDays, BigDecimal monthlyVolume,
        boolean subscriptionMember, boolean needsSameDay, boolean terminated, List<String> equipment,
        Map<String, Integer> cylindersHeld, String deliveryNotes, boolean active, boolean incomplete,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.code, c.shortName, c.invoiceTitle, List.of(c.phones), c.address, c.area,
                c.latitude, c.longitude, c.type, c.paymentTerm, c.pricingMethod, List.of(c.acceptedHours),
                c.preferredSlot, c.closedDays, ClosedDays.read(c.closedDays), c.vehicleAccess, c.avgDailyUseKg, c.maxCycleDays, c.allowedDelayDays,
                c.monthlyVolume, c.subscriptionMember, c.needsSameDay, c.terminated, Arrays.asList(c.equipment),
                null, c.deliveryNotes, c.active, c.incomplete, c.createdAt, c.updatedAt,
                c.version);
    }

    /**
     * The same customer with the cylinders it holds as the cylinder ledger says (delivery-service,
     * docs/adr/0009); null when the ledger could not be read.
     */
    public CustomerView withCylindersHeld(Map<String, Integer> held) {
        return new CustomerView(id, code, shortName, invoiceTitle, phones, address, area, latitude, longitude, type,
                paymentTerm, pricingMethod, acceptedHours, preferredSlot, closedDays, closedDaysReading, vehicleAccess,
                avgDailyUseKg, maxCycleDays, allowedDelayDays, monthlyVolume, subscriptionMember, needsSameDay,
                terminated, equipment, held, deliveryNotes, active, incomplete, createdAt, updatedAt, version);
    }

    /** The writable part, as a full update would send it back. */
    public CustomerInput toInput() {
        return new CustomerInput(code, shortName, invoiceTitle, phones, address, area, latitude, longitude, type,
                paymentTerm, pricingMethod, acceptedHours, preferredSlot, closedDays, vehicleAccess, avgDailyUseKg,
                maxCycleDays, allowedDelayDays, monthlyVolume, subscriptionMember, needsSameDay, terminated,
                equipment.stream().map(Customer.Equipment::valueOf).collect(java.util.stream.Collectors.toSet()),
                cylindersHeld, deliveryNotes, version);
    }
}

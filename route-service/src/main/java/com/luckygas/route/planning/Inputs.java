package com.luckygas.route.planning;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** What planning reads from delivery-service and customer-service (the parts it uses). */
public final class Inputs {

    private Inputs() {
    }

    public record OrderItem(String productCode, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /**
     * An order as delivery-service shows it: its state, the driver it is assigned to or out with,
     * the trip and estimate of its published route, when it went out and was delivered or failed;
     * whether the customer is due a safety check this month (in lists; null when not said).
     */
    public record Order(long id, long customerId, String customerCode, String customerName, String area,
                        LocalDate requestedDate, LocalTime windowStart, LocalTime windowEnd, String status,
                        long totalAmount, String paymentMethod, String notes, String driverId, Long routeId,
                        Integer trip, LocalTime eta, OffsetDateTime outAt, OffsetDateTime finishedAt,
                        List<OrderItem> items, Boolean safetyCheckDue) {

        public Order(long id, long customerId, String customerCode, String customerName, String area,
                     LocalDate requestedDate, LocalTime windowStart, LocalTime windowEnd, String status,
                     long totalAmount, String paymentMethod, String notes, String driverId, Long routeId,
                     Integer trip, LocalTime eta, OffsetDateTime outAt, OffsetDateTime finishedAt, List<OrderItem> items) {
            this(id, customerId, customerCode, customerName, area, requestedDate, windowStart, windowEnd, status, totalAmount,
                    paymentMethod, notes, driverId, routeId, trip, eta, outAt, finishedAt, items, null);
        }
    }

    public record OrderPage(List<Order> items, int page, int size, long total) {
    }

    public record Product(String code, String name, String kind, BigDecimal sizeKg, boolean active) {
    }

    /** customer-service's reading of a customer's closed-days text (it owns the rule). */
    public record ClosedDaysReading(List<DayOfWeek> weekdays, List<Integer> monthDays, boolean understood,
                                    List<String> notUnderstood) {

        public boolean closedOn(LocalDate date) {
            return weekdays != null && weekdays.contains(date.getDayOfWeek())
                    || monthDays != null && monthDays.contains(date.getDayOfMonth());
        }
    }

    public record Customer(long id, String code, String shortName, List<String> phones, String address, String area,
                           BigDecimal latitude, BigDecimal longitude, List<Integer> acceptedHours, String closedDays,
                           ClosedDaysReading closedDaysReading, String vehicleAccess, String deliveryNotes, boolean active) {
    }

    public record Lookup(List<Long> ids) {
    }

    public record Found(List<Customer> items, List<Long> missing) {
    }

    /** An area (district) and the depot that serves it, if one is set. */
    public record Area(String name, Long depotId) {
    }
}

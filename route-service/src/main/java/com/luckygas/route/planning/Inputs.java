package com.luckygas.route.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What planning reads from delivery-service and customer-service (the parts it uses). */
public final class Inputs {

    private Inputs() {
    }

    public record OrderItem(String productCode, BigDecimal quantity, BigDecimal unitPrice) {
    }

    public record Order(long id, long customerId, String customerCode, String customerName, String area,
                        LocalDate requestedDate, LocalTime windowStart, LocalTime windowEnd, String status,
                        long totalAmount, String paymentMethod, String notes, String driverId, Long routeId,
                        List<OrderItem> items) {
    }

    public record OrderPage(List<Order> items, int page, int size, long total) {
    }

    public record Product(String code, String name, String kind, BigDecimal sizeKg, boolean active) {
    }

    public record Customer(long id, String code, String shortName, List<String> phones, String address, String area,
                           BigDecimal latitude, BigDecimal longitude, List<Integer> acceptedHours, String closedDays,
                           String vehicleAccess, String deliveryNotes, boolean active) {
    }

    public record Lookup(List<Long> ids) {
    }

    public record Found(List<Customer> items, List<Long> missing) {
    }
}

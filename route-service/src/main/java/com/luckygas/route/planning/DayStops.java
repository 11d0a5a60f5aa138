package com.luckygas.route.planning;

import com.luckygas.route.planning.DayProblem.Door;
import com.luckygas.route.planning.DayProblem.PlannedStop;
import com.luckygas.route.planning.domain.Access;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a day's orders into stops: where, how much, when, and what the driver must know at the
 * door; and, for an order that cannot be planned at all, why (no coordinates, closed that day, no
 * vehicle reaches it or carries that much, outside the depot's territory).
 */
public final class DayStops {

    private DayStops() {
    }

    /**
     * @param vehicles the vehicles that may take new stops (what reaches the door and carries the load)
     * @param refused  orders refused before looking at them, with the reason (e.g. an area no depot serves)
     */
    public static List<PlannedStop> of(LocalDate date, List<Inputs.Order> orders, Map<Long, Inputs.Customer> customers,
                                       Map<String, Inputs.Product> products, List<DayProblem.Vehicle> vehicles,
                                       RoutingSettings settings, Map<Long, String> refused) {
        List<PlannedStop> stops = new ArrayList<>();
        for (Inputs.Order order : orders) {
            Inputs.Customer customer = customers.get(order.customerId());
            int cylinders = 0;
            BigDecimal load = BigDecimal.ZERO;
            for (Inputs.OrderItem item : order.items()) {
                Inputs.Product product = products.get(item.productCode());
                BigDecimal size = product == null ? BigDecimal.ZERO : product.sizeKg();
                if (product != null && "FLOW".equals(product.kind())) {
                    // flow gas is ordered in kg and delivered in cylinders of the product's size
                    cylinders += item.quantity().divide(size, 0, RoundingMode.CEILING).intValue();
                    load = load.add(item.quantity());
                } else {
                    cylinders += item.quantity().setScale(0, RoundingMode.CEILING).intValue();
                    load = load.add(item.quantity().multiply(size));
                }
            }
            Access access = customer == null || customer.vehicleAccess() == null ? Access.ANY
                    : Access.valueOf(customer.vehicleAccess());
            LocalTime from = order.windowStart();
            LocalTime to = order.windowEnd();
            if (from == null && customer != null && customer.acceptedHours() != null && !customer.acceptedHours().isEmpty()) {
                from = LocalTime.of(customer.acceptedHours().get(0), 0);
                int last = customer.acceptedHours().get(customer.acceptedHours().size() - 1);
                to = last >= 23 ? LocalTime.MAX : LocalTime.of(last + 1, 0);
            }
            int ready = from == null ? 0 : from.toSecondOfDay();
            int due = to == null ? 24 * 3600 - 1 : to.toSecondOfDay();
            int service = (int) (settings.stopBase().toSeconds() + cylinders * settings.stopPerCylinder().toSeconds());
            Coordinates at = customer == null || customer.latitude() == null || customer.longitude() == null ? null
                    : new Coordinates(customer.latitude().doubleValue(), customer.longitude().doubleValue());
            String reason = refused.containsKey(order.id()) ? refused.get(order.id()) : reason(date, customer, at, access,
                    cylinders, load, vehicles, order.customerId());
            long cash = "CASH".equals(order.paymentMethod()) ? order.totalAmount() : 0;
            Door door = new Door(customer == null ? order.customerCode() : customer.code(),
                    customer == null ? order.customerName() : customer.shortName(),
                    customer == null ? null : customer.address(), customer == null ? List.of() : customer.phones(),
                    customer == null ? null : customer.deliveryNotes(), order.notes(), order.items(), order.paymentMethod(),
                    cash, from, to);
            stops.add(new PlannedStop(order.id(), order.customerId(), at, cylinders, load, ready, due, service, access, reason, door));
        }
        return stops;
    }

    /** Why an order cannot be planned at all, or null. */
    private static String reason(LocalDate date, Inputs.Customer customer, Coordinates at, Access access, int cylinders,
                                 BigDecimal load, List<DayProblem.Vehicle> vehicles, long customerId) {
        if (customer == null) {
            return "customer " + customerId + " not found in customer-service";
        }
        if (at == null) {
            return "customer has no coordinates";
        }
        if (customer.closedDaysReading() != null && customer.closedDaysReading().closedOn(date)) {
            return "customer is closed on " + closedOn(date, customer.closedDaysReading()) + " (" + customer.closedDays() + ")";
        }
        if (vehicles.stream().noneMatch(v -> access.allows(v.kind()))) {
            return "only a " + access.name().toLowerCase(Locale.ROOT) + " reaches this customer and none is planned";
        }
        if (vehicles.stream().noneMatch(v -> access.allows(v.kind()) && v.capacityCylinders() >= cylinders
                && v.capacityKg().compareTo(load) >= 0)) {
            return "more than any vehicle that reaches the customer carries (" + cylinders + " cylinders, " + load + " kg)";
        }
        return null;
    }

    /** "Sunday", or "the 15th of the month" when only the day of the month closes it. */
    private static String closedOn(LocalDate date, Inputs.ClosedDaysReading reading) {
        if (reading.weekdays() != null && reading.weekdays().contains(date.getDayOfWeek())) {
            return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        int day = date.getDayOfMonth();
        String suffix = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd" : day % 10 == 3 && day != 13 ? "rd" : "th";
        return "the " + day + suffix + " of the month";
    }
}

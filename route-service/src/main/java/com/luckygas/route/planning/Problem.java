package com.luckygas.route.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A day's planning problem: the depot, the drivers with their vehicles, every open order as a
 * stop (those that cannot be planned carry the reason), and the Timefold solution over the
 * plannable ones. Built from what delivery-service and customer-service answer, or rebuilt from a
 * stored plan.
 */
public final class Problem {

    public record Vehicle(String driverId, String driverName, Long vehicleId, String plate, VehicleKind kind,
                          int capacityCylinders, BigDecimal capacityKg, LocalTime shiftStart, LocalTime shiftEnd) {
    }

    /** What the driver needs at the door. */
    public record Door(String customerCode, String customerName, String address, List<String> phones,
                       String deliveryNotes, String orderNotes, List<Inputs.OrderItem> items, String paymentMethod,
                       long cashToCollect, LocalTime windowStart, LocalTime windowEnd) {
    }

    /** One order of the day, plannable ({@code reason == null}) or not. Times in seconds of the day. */
    public record PlannedStop(long orderId, long customerId, Coordinates at, int cylinders, BigDecimal loadKg,
                              int ready, int due, int service, Access access, String reason, Door door) {
    }

    private final Coordinates depot;
    private final List<Vehicle> vehicles;
    private final List<PlannedStop> stops;
    private final RoutePlanSolution solution;
    private final Map<String, PlannedStop> byStopId = new HashMap<>();

    private Problem(Coordinates depot, List<Vehicle> vehicles, List<PlannedStop> stops, RoutePlanSolution solution) {
        this.depot = depot;
        this.vehicles = vehicles;
        this.stops = stops;
        this.solution = solution;
        stops.forEach(s -> byStopId.put(String.valueOf(s.orderId()), s));
    }

    public Coordinates depot() {
        return depot;
    }

    public List<Vehicle> vehicles() {
        return vehicles;
    }

    public List<PlannedStop> stops() {
        return stops;
    }

    public RoutePlanSolution solution() {
        return solution;
    }

    public PlannedStop stop(String stopId) {
        return byStopId.get(stopId);
    }

    /** Turns the day's orders into stops: where, how much, when, and what the driver must know. */
    public static List<PlannedStop> stops(LocalDate date, List<Inputs.Order> orders, Map<Long, Inputs.Customer> customers,
                                          Map<String, Inputs.Product> products, List<Vehicle> vehicles,
                                          RoutingSettings settings) {
        List<PlannedStop> stops = new ArrayList<>();
        DayOfWeek weekday = date.getDayOfWeek();
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
            String reason = null;
            if (customer == null) {
                reason = "customer " + order.customerId() + " not found in customer-service";
            } else if (at == null) {
                reason = "customer has no coordinates";
            } else if (ClosedDays.parse(customer.closedDays()).contains(weekday)) {
                reason = "customer is closed on " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " (" + customer.closedDays() + ")";
            } else if (vehicles.stream().noneMatch(v -> access.allows(v.kind()))) {
                reason = "only a " + access.name().toLowerCase(Locale.ROOT) + " reaches this customer and none is planned";
            } else {
                final int need = cylinders;
                final BigDecimal kg = load;
                if (vehicles.stream().noneMatch(v -> access.allows(v.kind()) && v.capacityCylinders() >= need
                        && v.capacityKg().compareTo(kg) >= 0)) {
                    reason = "more than any vehicle that reaches the customer carries (" + need + " cylinders, " + kg + " kg)";
                }
            }
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

    /**
     * The solver's view of the plannable stops: location 0 is the depot, then each stop with
     * coordinates in turn. {@code assignment} (driver id → order ids in order) puts stops on
     * routes, e.g. when a stored plan is rebuilt; empty for a fresh plan.
     */
    public static Problem assemble(Coordinates depot, List<Vehicle> vehicles, List<PlannedStop> stops,
                                   Function<List<Coordinates>, TravelMatrix> matrixSource,
                                   ConstraintWeightOverrides<HardMediumSoftLongScore> weights,
                                   Map<String, List<Long>> assignment) {
        List<Coordinates> places = new ArrayList<>();
        places.add(depot);
        List<PlannedStop> plannable = stops.stream().filter(s -> s.at() != null && s.reason() == null).toList();
        plannable.forEach(s -> places.add(s.at()));
        TravelMatrix matrix = matrixSource.apply(places);
        Map<Long, Stop> solverStops = new LinkedHashMap<>();
        for (int i = 0; i < plannable.size(); i++) {
            PlannedStop s = plannable.get(i);
            solverStops.put(s.orderId(), new Stop(String.valueOf(s.orderId()), i + 1, s.cylinders(),
                    s.loadKg().movePointRight(1).setScale(0, RoundingMode.CEILING).longValue(), s.ready(), s.due(),
                    s.service(), s.access()));
        }
        List<RouteVehicle> routeVehicles = new ArrayList<>();
        for (Vehicle v : vehicles) {
            RouteVehicle rv = new RouteVehicle(v.driverId(), v.kind(), v.capacityCylinders(),
                    v.capacityKg().movePointRight(1).longValue(), 0, v.shiftStart().toSecondOfDay(),
                    v.shiftEnd().toSecondOfDay(), matrix);
            List<Stop> route = new ArrayList<>();
            for (Long orderId : assignment.getOrDefault(v.driverId(), List.of())) {
                Stop stop = solverStops.get(orderId);
                if (stop != null) {
                    route.add(stop);
                }
            }
            rv.setStops(route);
            routeVehicles.add(rv);
        }
        // The construction heuristic inserts the stops in this order: orders only some vehicles may
        // take (scooter-only, car-only) first, so that the few scooters' room is not already
        // filled by orders any car could take (docs/benchmarks.md, issue 6: the day's unplanned
        // orders were scooter-only ones that local search could no longer fit in).
        List<Stop> insertionOrder = new ArrayList<>(solverStops.values());
        insertionOrder.sort(Comparator.comparingInt(stop -> stop.getAccess() == Access.ANY ? 1 : 0));
        RoutePlanSolution solution = new RoutePlanSolution(routeVehicles, insertionOrder, weights);
        return new Problem(depot, vehicles, stops, solution);
    }
}

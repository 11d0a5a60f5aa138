package com.luckygas.route.planning;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.identity.ServiceIdentity;
import com.luckygas.route.planning.DayProblem.Finished;
import com.luckygas.route.planning.DayProblem.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What planning reads from the other services, with route-service's own service token (ADR
 * 0002): a day's orders in every state (pages of 200), the products, the areas with their
 * depots, and the customers of the orders (500 a call) — a constant number of calls for a day.
 * Also what the orders say of each driver's progress: what he has delivered or failed, and what
 * he set out with.
 */
@ApplicationScoped
public class DayInputs {

    static final int ORDER_PAGE = 200;

    /** A day's orders (cancelled ones left out), the products by code, and each area's depot. */
    public record Day(LocalDate date, List<Inputs.Order> orders, Map<String, Inputs.Product> products,
                      Map<String, Long> areaDepots) {

        public Inputs.Order order(long id) {
            return orders.stream().filter(o -> o.id() == id).findFirst().orElse(null);
        }
    }

    private final ServiceIdentity identity;
    private final DeliveryClient delivery;
    private final CustomerClient customers;

    DayInputs(ServiceIdentity identity, @RestClient DeliveryClient delivery, @RestClient CustomerClient customers) {
        this.identity = identity;
        this.delivery = delivery;
        this.customers = customers;
    }

    public String serviceToken() {
        return identity.bearer();
    }

    /** The day as delivery-service and customer-service know it now. */
    public Day read(LocalDate date) {
        String token = serviceToken();
        List<Inputs.Order> orders = new ArrayList<>();
        for (int page = 0; ; page++) {
            Inputs.OrderPage got = delivery.orders(token, date, null, page, ORDER_PAGE);
            got.items().stream().filter(o -> !"CANCELLED".equals(o.status())).forEach(orders::add);
            if ((long) (page + 1) * ORDER_PAGE >= got.total() || got.items().isEmpty()) {
                break;
            }
        }
        orders.sort(Comparator.comparingLong(Inputs.Order::id));
        Map<String, Inputs.Product> products = delivery.products(token).stream()
                .collect(Collectors.toMap(Inputs.Product::code, p -> p));
        Map<String, Long> areaDepots = new HashMap<>();
        customers.areas(token).forEach(a -> areaDepots.put(a.name(), a.depotId()));
        return new Day(date, orders, products, areaDepots);
    }

    /** The customers of these ids, 500 a call (with the given token: the service's or the user's). */
    public Map<Long, Inputs.Customer> customers(String token, List<Long> ids) {
        Map<Long, Inputs.Customer> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CustomerClient.MAX_IDS) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CustomerClient.MAX_IDS));
            customers.lookup(token, new Inputs.Lookup(chunk)).items()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /** An order of any date, read with the user's token (an urgent order added by hand). */
    public Inputs.Order order(String userToken, long orderId) {
        return delivery.order(userToken, orderId);
    }

    /**
     * Each driver's progress in these orders: delivered and failed ones in the order they
     * happened, the ones he is out with in the order {@code planned} gives them (a plan's routes:
     * driver → order ids), else by published estimate, then id; {@code breaks}: when that plan
     * placed each driver's break.
     */
    public static Map<String, Progress> progress(LocalDate date, List<Inputs.Order> orders, Map<String, List<Long>> planned,
                                                 Map<String, Integer> breaks) {
        Map<String, List<Finished>> finished = new LinkedHashMap<>();
        Map<String, List<Inputs.Order>> carried = new LinkedHashMap<>();
        for (Inputs.Order o : orders) {
            if (o.driverId() == null) {
                continue;
            }
            switch (o.status()) {
                case "DELIVERED", "FAILED" -> finished.computeIfAbsent(o.driverId(), k -> new ArrayList<>()).add(
                        new Finished(o.id(), "DELIVERED".equals(o.status()), secondOfDay(date, o.finishedAt()), o.finishedAt(), o.trip()));
                case "OUT_FOR_DELIVERY" -> carried.computeIfAbsent(o.driverId(), k -> new ArrayList<>()).add(o);
                default -> {
                }
            }
        }
        Map<String, Progress> progress = new LinkedHashMap<>();
        java.util.Set<String> drivers = new java.util.LinkedHashSet<>(finished.keySet());
        drivers.addAll(carried.keySet());
        for (String driver : drivers) {
            List<Finished> done = new ArrayList<>(finished.getOrDefault(driver, List.of()));
            done.sort(Comparator.comparingInt(Finished::atS).thenComparingLong(Finished::orderId));
            List<Long> order = planned.getOrDefault(driver, List.of());
            List<Inputs.Order> out = new ArrayList<>(carried.getOrDefault(driver, List.of()));
            out.sort(Comparator.<Inputs.Order>comparingInt(o -> order.contains(o.id()) ? order.indexOf(o.id()) : Integer.MAX_VALUE)
                    .thenComparing(o -> o.eta() == null ? LocalTime.MAX : o.eta()).thenComparingLong(Inputs.Order::id));
            int trip = out.stream().map(Inputs.Order::trip).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).max()
                    .orElse(done.stream().map(Finished::trip).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).max().orElse(1));
            Integer outS = out.stream().map(Inputs.Order::outAt).filter(java.util.Objects::nonNull)
                    .map(t -> secondOfDay(date, t)).min(Integer::compare).orElse(null);
            progress.put(driver, new Progress(done, out.stream().map(Inputs.Order::id).toList(), trip, outS, breaks.get(driver)));
        }
        return progress;
    }

    /** Seconds of {@code date} in Taipei (0 before it, the day's end after it; 0 when unknown). */
    static int secondOfDay(LocalDate date, OffsetDateTime at) {
        if (at == null) {
            return 0;
        }
        ZonedDateTime taipei = at.atZoneSameInstant(BusinessClock.TAIPEI);
        if (taipei.toLocalDate().isBefore(date)) {
            return 0;
        }
        if (taipei.toLocalDate().isAfter(date)) {
            return 24 * 3600 - 1;
        }
        return taipei.toLocalTime().toSecondOfDay();
    }
}

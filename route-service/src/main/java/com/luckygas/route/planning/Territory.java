package com.luckygas.route.planning;

import java.util.Map;
import java.util.Set;

/**
 * A depot's territory: the orders its plans take. An order belongs to the depot of its area
 * (customer-service's areas name their depot); with a single active depot, an order whose area
 * names none belongs to it. An order that belongs to no active depot is never dropped silently:
 * every depot's plan of the day lists it as unplanned, saying why, until the office sets the
 * area's depot.
 *
 * @param depotId      the depot planned
 * @param areaDepots   area name → the depot serving it (null: none set)
 * @param activeDepots the ids of the active depots
 */
public record Territory(long depotId, Map<String, Long> areaDepots, Set<Long> activeDepots) {

    /** The active depot an order belongs to, or null when none. */
    public Long depotOf(Inputs.Order order) {
        Long depot = order.area() == null ? null : areaDepots.get(order.area());
        if (depot == null && activeDepots.size() == 1) {
            return activeDepots.iterator().next();
        }
        return depot != null && activeDepots.contains(depot) ? depot : null;
    }

    /** The depot's plan shows this order: its own, or one no depot serves (unplanned, with {@link #refusal}). */
    public boolean shows(Inputs.Order order) {
        Long depot = depotOf(order);
        return depot == null || depot == depotId;
    }

    /** Why the depot's plan cannot take an order it shows; null when it is the depot's own. */
    public String refusal(Inputs.Order order) {
        if (depotOf(order) != null) {
            return null;
        }
        if (order.area() == null) {
            return "the order has no area, so no depot serves it: set the customer's area (and that area's depot)";
        }
        Long named = areaDepots.get(order.area());
        return named == null ? "its area " + order.area() + " belongs to no depot: set the area's depot"
                : "its area " + order.area() + " is served by depot " + named + ", which is not active";
    }
}

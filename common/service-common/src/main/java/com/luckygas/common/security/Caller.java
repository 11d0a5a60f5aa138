package com.luckygas.common.security;

import com.luckygas.common.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who makes a request, as the token says: a driver acts only on his own orders and route. */
public record Caller(String username, String driverId, boolean driver) {

    public static Caller of(JsonWebToken jwt) {
        boolean driver = jwt.getGroups().contains(Roles.DRIVER);
        Object claim = jwt.getClaim("driver_id");
        String driverId = claim instanceof jakarta.json.JsonString text ? text.getString() : claim == null ? null : claim.toString();
        return new Caller(jwt.getName(), driverId, driver);
    }

    /** True when this caller may act on an order assigned to {@code orderDriverId}. */
    public boolean mayActOn(String orderDriverId) {
        return !driver || driverId != null && driverId.equals(orderDriverId);
    }

    /** The driver id the token names; 404 (nothing of a driver for this caller) when it names none. */
    public String requireDriverId() {
        if (driverId == null) {
            throw ProblemException.notFound("The token names no driver.");
        }
        return driverId;
    }
}

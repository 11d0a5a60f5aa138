package com.luckygas.route.planning.domain;

/** Which vehicles can reach a customer's door (customer-service's vehicleAccess). */
public enum Access {
    ANY, CAR, SCOOTER;

    public boolean allows(VehicleKind kind) {
        return this == ANY || name().equals(kind.name());
    }
}

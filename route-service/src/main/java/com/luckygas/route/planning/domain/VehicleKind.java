package com.luckygas.route.planning.domain;

/** The two kinds of vehicle Lucky Gas drives (route.vehicle.kind). */
public enum VehicleKind {
    CAR, SCOOTER
}

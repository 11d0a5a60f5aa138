package com.luckygas.route.planning;

/** A point in WGS 84 degrees. */
public record Coordinates(double latitude, double longitude) {
}
